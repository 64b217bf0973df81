"""The voting menu in the admin: the station desk (pairing, PIN, paper counts, certificate)
and read-only lists of tablets, paper corrections and cards used twice offline; for
volunteers' accounts, their own desk entry and dashboard (`desk_admin.py`)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .admin_accounting import AccountingViewSet
from .admin_views import StationDeskViewSet
from .board import add_election_day_board
from .desk_admin import add_my_stations, keep_only_the_desk, volunteer_desk_menu_item
from .models import DuplicateOfflineUse, PaperTallyCorrection, StationTablet


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Listing and inspecting only: these rows change through the services, never by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReadOnlyViewSet(ModelViewSet):
    """Rows made only by the tablets and services: listed, inspected and exported."""

    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []

    @property
    def permission_policy(self):
        return ViewOnlyPermissionPolicy(self.model)


class StationTabletViewSet(ReadOnlyViewSet):
    model = StationTablet
    name = "voting_tablets"
    url_prefix = "voting/tablets"
    icon = "mobile-alt"
    menu_label = _("All tablets")
    list_display = [
        "label",
        "station",
        "paired_at",
        "last_seen_at",
        "last_sync_at",
        "queued_votes_reported",
        "revoked_at",
    ]
    list_filter = ["station__election", "station"]
    list_export = list_display
    search_fields = ["label", "station__name"]
    inspect_view_fields = list_display


class PaperTallyCorrectionViewSet(ReadOnlyViewSet):
    model = PaperTallyCorrection
    name = "voting_paper_corrections"
    url_prefix = "voting/paper-corrections"
    icon = "clipboard-list"
    menu_label = _("Paper count corrections")
    list_display = ["entry", "corrected_by", "corrected_at", "old_votes", "new_votes"]
    list_filter = ["entry__station"]
    list_export = list_display
    search_fields = ["entry__station__name"]


class DuplicateOfflineUseViewSet(ReadOnlyViewSet):
    model = DuplicateOfflineUse
    name = "voting_duplicate_offline_uses"
    url_prefix = "voting/duplicate-offline-uses"
    icon = "warning"
    menu_label = _("Cards used twice offline")
    list_display = ["station", "noticed_hour"]
    list_filter = ["station__election", "station"]
    list_export = list_display
    search_fields = ["station__name"]


class VotingGroup(ViewSetGroup):
    menu_label = _("Voting")
    menu_icon = "tablet-alt"
    menu_order = 310
    items = (
        StationDeskViewSet,
        StationTabletViewSet,
        PaperTallyCorrectionViewSet,
        DuplicateOfflineUseViewSet,
        AccountingViewSet,
    )


@hooks.register("register_admin_viewset")
def register_voting_group():
    return VotingGroup()


# Every election action of this app in Wagtail's audit log, with a Latvian label.
LOG_ACTIONS = {
    "voting.pairing_code": (_("Make a pairing code"), _("Pairing code made")),
    "voting.pair": (_("Pair a tablet"), _("Tablet paired")),
    "voting.revoke": (_("Revoke a tablet"), _("Tablet revoked")),
    "voting.set_pin": (_("Set the station PIN"), _("Station PIN set")),
    "voting.paper_counts": (_("Enter paper counts"), _("Paper counts entered")),
    "voting.reopen_counting": (_("Reopen counting"), _("Counting reopened")),
    "voting.count": (_("Count the station"), _("Station counted")),
    "voting.close_box": (_("Close the ballot box"), _("Ballot box closed")),
    "voting.certify_digest": (_("Check a certificate's digest"), _("Certificate digest checked")),
}


@hooks.register("register_log_actions")
def register_voting_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


hooks.register("construct_homepage_panels", add_election_day_board)
hooks.register("construct_homepage_panels", add_my_stations)
hooks.register("register_admin_menu_item", volunteer_desk_menu_item)
hooks.register("construct_main_menu", keep_only_the_desk)
