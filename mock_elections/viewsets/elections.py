"""Admin viewsets for districts and elections."""

from django import forms
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.admin.widgets.slug import SlugInput

from base.models import District
from base.refusals import Refused

from .. import admin_views, services
from ..admin_views import ELECTIONS
from ..forms import ElectionForm
from ..models import Election


def status_column():
    return Column("status", label=_("Status"), accessor="get_status_display", sort_key="status")


class DistrictDeleteView(generic.DeleteView):
    """Stations (and stories) protect their district; say so instead of failing."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("%(district)s cannot be deleted: polling stations or stories still use it.")
                % {"district": self.object.name},
            )
            return redirect(reverse(self.index_url_name))


class DistrictViewSet(ModelViewSet):
    model = District
    delete_view_class = DistrictDeleteView
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "slug", "sort_order"]
    list_export = ["name", "slug", "sort_order", "latitude", "longitude"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class ElectionDeleteView(generic.DeleteView):
    """Only a draft election can be deleted: from opening on, votes and tallies refer to it
    and to its stations and questions."""

    def election(self):
        return self.object

    def dispatch(self, request, *args, **kwargs):
        if self.user_has_permission(self.permission_required):
            try:
                services.assert_deletable(self.election())
            except Refused as refusal:
                messages.error(request, refusal.message)
                return redirect(reverse(self.index_url_name))
        return super().dispatch(request, *args, **kwargs)


class StationOrQuestionDeleteView(ElectionDeleteView):
    def election(self):
        return self.object.election


# Elections


class ElectionIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingButton(
                _("Overview"),
                url=reverse(f"{ELECTIONS}:overview", args=[instance.pk]),
                icon_name="list-ul",
                priority=5,
            )
        )
        return buttons


class ElectionCreateView(generic.CreateView):
    def save_instance(self):
        """A new election gets the usual age bands unless the organiser entered its own."""
        election = super().save_instance()
        if not election.age_bands.exists():
            services.create_default_age_bands(election)
        return election


class ElectionEditView(generic.EditView):
    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Overview, opening and closing"),
                url=reverse(f"{ELECTIONS}:overview", args=[self.object.pk]),
                icon_name="list-ul",
                priority=1,
            ),
        ]


class ElectionViewSet(ModelViewSet):
    model = Election
    icon = "tasks"
    menu_label = _("Elections")
    index_view_class = ElectionIndexView
    add_view_class = ElectionCreateView
    edit_view_class = ElectionEditView
    delete_view_class = ElectionDeleteView
    copy_view_enabled = False
    list_display = ["title", "election_date", status_column(), "is_rehearsal"]
    list_filter = ["status", "is_rehearsal", "election_date"]
    list_export = [
        "title",
        "title_en",
        "slug",
        "election_date",
        "voting_opens_at",
        "voting_closes_at",
        "results_release_at",
        "status",
        "is_rehearsal",
    ]
    search_fields = ["title", "title_en", "slug"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [TitleFieldPanel("title", placeholder=False), FieldPanel("title_en")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("slug", widget=SlugInput), FieldPanel("election_date")]
                    ),
                ],
                heading=_("Election"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("voting_opens_at"), FieldPanel("voting_closes_at")]),
                    FieldPanel("results_release_at"),
                ],
                heading=_("Timing (Riga time)"),
            ),
            FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldPanel("is_rehearsal"), FieldPanel("show_public_counter")],
                heading=_("Options"),
            ),
            InlinePanel(
                "age_bands",
                heading=_("Age bands"),
                label=_("Age band"),
                help_text=_("Left empty, a new election gets 5–8 (easy-read), 9–12, 13–15, 16–17."),
                panels=[
                    FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                    FieldPanel("uses_easy_read"),
                ],
            ),
        ],
        base_form_class=ElectionForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "overview/<int:pk>/",
                admin_views.ElectionOverviewView.as_view(),
                name="overview",
            ),
            path(
                "action/<int:pk>/<slug:action>/",
                admin_views.ElectionActionView.as_view(),
                name="action",
            ),
            path(
                "stations/<int:pk>/",
                admin_views.BulkStationActionView.as_view(),
                name="stations",
            ),
        ]


# Stations
