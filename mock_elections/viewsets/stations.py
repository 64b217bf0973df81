"""Admin viewset for the themed polling stations, with their poster downloads."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from .. import admin_views
from ..admin_views import STATIONS
from ..forms import PollingStationForm
from ..models import PollingStation
from .elections import StationOrQuestionDeleteView, status_column


def poster_buttons(station, button_class):
    url = reverse(f"{STATIONS}:poster", args=[station.pk])
    return [
        button_class(_("Poster A4 (PDF)"), url=url, icon_name="download", priority=40),
        button_class(_("Poster A3 (PDF)"), url=f"{url}?size=A3", icon_name="download", priority=41),
    ]


class StationIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *poster_buttons(instance, Button)]


class StationEditView(generic.EditView):
    @property
    def header_buttons(self):
        return [*super().header_buttons, *poster_buttons(self.object, HeaderButton)]


class PollingStationViewSet(ModelViewSet):
    model = PollingStation
    icon = "home"
    menu_label = _("Polling stations")
    index_view_class = StationIndexView
    edit_view_class = StationEditView
    delete_view_class = StationOrQuestionDeleteView
    list_display = [
        "name",
        "election",
        "district",
        "adult_precinct_number",
        status_column(),
        "opened_at",
        "closed_at",
    ]
    list_filter = ["election", "district", "status"]
    list_export = [
        "name",
        "election",
        "district",
        "address",
        "opening_hours",
        "adult_precinct_number",
        "adult_precinct_name",
        "theme_name",
        "theme_motto",
        "status",
        "opened_at",
        "closed_at",
    ]
    search_fields = ["name", "address", "adult_precinct_name", "adult_precinct_number"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("election"), FieldPanel("district")]),
                    FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
                    FieldRowPanel([FieldPanel("address"), FieldPanel("opening_hours")]),
                ],
                heading=_("Station"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("adult_precinct_number"), FieldPanel("adult_precinct_name")]
                    )
                ],
                heading=_("The adult polling station next door"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("help_contact_name"), FieldPanel("organiser_phone")])],
                heading=_("Help on the day"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("theme_name"), FieldPanel("theme_name_en")]),
                    FieldPanel("theme_motto"),
                    FieldRowPanel(
                        [FieldPanel("theme_primary_colour"), FieldPanel("theme_accent_colour")]
                    ),
                    FieldPanel("theme_illustration"),
                    FieldPanel("theme_description"),
                ],
                heading=_("Theme"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("desk_volunteers", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("volunteers_may_pair"),
                ],
                heading=_("Station desk on the day"),
            ),
        ],
        base_form_class=PollingStationForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("poster/<int:pk>/", admin_views.StationPosterView.as_view(), name="poster"),
        ]


# Ballot questions
