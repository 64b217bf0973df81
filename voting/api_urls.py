"""Language-neutral endpoints of this app: the station tablets' JSON API and service worker."""

from django.urls import path

from . import api

app_name = "voting_api"

urlpatterns = [
    path("api/tablet/pair/", api.pair, name="pair"),
    path("api/tablet/bundle/", api.bundle, name="bundle"),
    path("api/tablet/status/", api.status, name="status"),
    path("api/tablet/check/", api.check, name="check"),
    path("api/tablet/sync/", api.sync, name="sync"),
    path("api/tablet/feedback/", api.feedback, name="feedback"),
    path("api/tablet/pin/", api.verify_pin, name="pin"),
    path("api/tablet/open/", api.open_station, name="open"),
    path("api/tablet/pause/", api.pause, name="pause"),
    path("api/tablet/close/", api.close_station, name="close"),
    path("api/tablet/spoil/", api.spoil, name="spoil"),
    path("api/tablet/certificate/", api.certificate, name="certificate"),
]
