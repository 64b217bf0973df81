"""Public pages of this app, under the language prefix (Latvian at /, English at /en/): the
station tablet app, its web manifest and its service worker (served here so its scope covers
the app in each language)."""

from django.urls import path

from . import views

app_name = "voting"

urlpatterns = [
    path("iecirknis/", views.tablet_app, name="tablet"),
    path("iecirknis/manifest.webmanifest", views.manifest, name="manifest"),
    path("iecirknis/sw.js", views.service_worker, name="service_worker"),
]
