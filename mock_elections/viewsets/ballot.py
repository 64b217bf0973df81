"""Admin viewsets for ballot questions and the groups' question proposals."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from .. import admin_views
from ..admin_views import PROPOSAL_ACTIONS, PROPOSALS
from ..forms import BallotQuestionForm
from ..models import BallotQuestion, QuestionProposal
from .elections import StationOrQuestionDeleteView, status_column


class QuestionCreateView(generic.CreateView):
    """Opened from an election's overview with ?election=: that election is chosen, and the
    age-band pickers list its bands only."""

    def get_initial(self):
        return {**super().get_initial(), "election": self.request.GET.get("election")}


class BallotQuestionViewSet(ModelViewSet):
    model = BallotQuestion
    icon = "help"
    menu_label = _("Ballot questions")
    add_view_class = QuestionCreateView
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
