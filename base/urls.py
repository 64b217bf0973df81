"""Public pages that belong to the whole site, under the language prefix."""

from django.urls import path

from base import views

app_name = "base"

urlpatterns = [
    path("meklet/", views.search, name="search"),
]
