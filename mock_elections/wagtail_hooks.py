"""The "Bērnu vēlēšanas" admin menu: districts, elections, stations, questions, proposals."""

from django import forms
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton, ListingButton

from base.models import District
from base.refusals import Refused

from . import admin_views, audit, services
from .admin_views import ELECTIONS, PROPOSAL_ACTIONS, PROPOSALS, QUESTIONS, STATIONS
from .forms import BallotQuestionForm, ElectionForm, PollingStationForm
from .models import BallotQuestion, Election, PollingStation, QuestionProposal


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
                    FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
                    FieldRowPanel([FieldPanel("slug"), FieldPanel("election_date")]),
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
                    FieldPanel("name"),
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
                [
                    FieldRowPanel([FieldPanel("theme_name"), FieldPanel("theme_motto")]),
                    FieldRowPanel(
                        [FieldPanel("theme_primary_colour"), FieldPanel("theme_accent_colour")]
                    ),
                    FieldPanel("theme_illustration"),
                    FieldPanel("theme_description"),
                ],
                heading=_("Theme"),
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


class BallotQuestionViewSet(ModelViewSet):
    model = BallotQuestion
    icon = "help"
    menu_label = _("Ballot questions")
    delete_view_class = StationOrQuestionDeleteView
    copy_view_enabled = False
    list_display = ["text", "election", "sort_order", "proposed_by"]
    list_filter = ["election"]
    list_export = ["election", "sort_order", "text", "text_en", "offers_abstain", "proposed_by"]
    search_fields = ["text", "text_en", "proposed_by"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("election"), FieldPanel("sort_order")]),
                    FieldPanel("text"),
                    FieldPanel("text_en"),
                    FieldPanel("illustration"),
                    FieldPanel("proposed_by"),
                ],
                heading=_("Question"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("age_bands", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("offers_abstain"),
                ],
                heading=_("Who is asked"),
            ),
            InlinePanel(
                "options",
                heading=_("Answer options"),
                label=_("Option"),
                min_num=2,
                panels=[
                    FieldRowPanel([FieldPanel("label"), FieldPanel("label_en")]),
                    FieldPanel("picture"),
                ],
            ),
            InlinePanel(
                "easy_read_wordings",
                heading=_("Easy-read wordings"),
                label=_("Easy-read wording"),
                panels=[FieldPanel("age_band"), FieldPanel("text"), FieldPanel("text_en")],
            ),
        ],
        base_form_class=BallotQuestionForm,
    )


# Question proposals


class ProposalIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, action in enumerate(PROPOSAL_ACTIONS.values(), start=50):
            if action.allowed_from(instance):
                buttons.append(
                    Button(
                        action.title,
                        url=action.url(PROPOSALS, instance),
                        icon_name="arrow-right",
                        priority=priority,
                    )
                )
        return buttons


class QuestionProposalViewSet(ModelViewSet):
    model = QuestionProposal
    icon = "comment"
    menu_label = _("Question proposals")
    index_view_class = ProposalIndexView
    copy_view_enabled = False
    list_display = ["question_text", "group_name", "election", status_column(), "submitted_at"]
    list_filter = ["election", "status"]
    list_export = [
        "election",
        "question_text",
        "reason",
        "group_name",
        "contact_name",
        "contact_email",
        "consent_at",
        "status",
        "submitted_at",
    ]
    search_fields = ["question_text", "group_name", "contact_name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("election"),
            FieldPanel("question_text"),
            FieldPanel("reason"),
            MultiFieldPanel(
                [
                    FieldPanel("group_name"),
                    FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                    FieldPanel("consent_at"),
                ],
                heading=_("Who proposed it"),
            ),
        ]
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "action/<int:pk>/<slug:action>/",
                admin_views.ProposalActionView.as_view(),
                name="action",
            ),
        ]


class MockElectionsGroup(ViewSetGroup):
    menu_label = _("Children's elections")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        ElectionViewSet(ELECTIONS),
        PollingStationViewSet(STATIONS),
        BallotQuestionViewSet(QUESTIONS),
        QuestionProposalViewSet(PROPOSALS),
        DistrictViewSet("districts"),
    )


@hooks.register("register_admin_viewset")
def register_mock_elections_viewsets():
    return MockElectionsGroup()


@hooks.register("register_log_actions")
def register_election_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)
