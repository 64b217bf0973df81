"""Language-neutral endpoints of this app: the station tablets' JSON API, under /api/tablet/
(`campaign/urls.py`: one prefix, so the many votes a tablet sends are routed without trying
every other pattern of the site)."""

from django.urls import path

from . import api

app_name = "voting_api"

urlpatterns = [
    path("pair/", api.pair, name="pair"),
    path("bundle/", api.bundle, name="bundle"),
    path("status/", api.status, name="status"),
    path("check/", api.check, name="check"),
    path("sync/", api.sync, name="sync"),
    path("feedback/", api.feedback, name="feedback"),
    path("pin/", api.verify_pin, name="pin"),
    path("open/", api.open_station, name="open"),
    path("pause/", api.pause, name="pause"),
    path("close/", api.close_station, name="close"),
    path("spoil/", api.spoil, name="spoil"),
    path("certificate/", api.certificate, name="certificate"),
]
