"""Public pages of this app, under the language prefix (Latvian at /, English at /en/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from results import views

app_name = "results"

urlpatterns = [
    path(_("participation-counter/<slug:slug>/"), views.participation_counter, name="counter"),
    path(_("open-data/"), views.open_data_schema, name="open_data_schema"),
]
