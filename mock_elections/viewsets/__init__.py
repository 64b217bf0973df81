"""The "Bērnu vēlēšanas" admin menu: districts, elections, stations, questions, proposals."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup

from ..admin_views import ELECTIONS, PROPOSALS, QUESTIONS, STATIONS
from .ballot import BallotQuestionViewSet, QuestionProposalViewSet
from .elections import DistrictViewSet, ElectionViewSet
from .stations import PollingStationViewSet


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
