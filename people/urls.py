"""Public pages of the people app, under the language prefix."""

from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("bernu-velesanas/<slug:slug>/brivpratigie/", views.sign_up, name="sign_up"),
    path("bernu-velesanas/<slug:slug>/grupas/", views.register_group, name="register_group"),
]
