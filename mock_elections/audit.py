"""The election actions written to Wagtail's audit log (Reports → Site history, and each
object's history), with who did them. Services call `wagtail.log_actions.log` with these names."""

from django.utils.translation import gettext_lazy as _

# action: (label in the history filter, sentence in the history list)
ACTIONS = {
    "mock_elections.election_open": (_("Open election"), _("Election opened")),
    "mock_elections.election_closed": (_("Close election"), _("Election closed")),
    "mock_elections.election_published": (_("Publish results"), _("Results published")),
    "mock_elections.station_opened": (_("Open polling station"), _("Polling station opened")),
    "mock_elections.station_closed": (_("Close polling station"), _("Polling station closed")),
    "mock_elections.proposal_promoted": (
        _("Put a proposal on the ballot"),
        _("Proposal put on the ballot"),
    ),
}
