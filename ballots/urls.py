"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path

from . import views

app_name = "ballots"

urlpatterns = [
    # The address inside every card's QR code: keep it short and never change version 1.
    path("b/<int:version>/<str:code>", views.scan, name="scan"),
]
