"""Public addresses of the campaign home, under the language prefix."""

from django.urls import path

from home import views

app_name = "home"

urlpatterns = [
    path("velesanu-diena.ics", views.election_calendar, name="election_calendar"),
]
