"""The ballot-card actions written to Wagtail's audit log with who did them: whoever issues,
prints or cancels cards handles working codes."""

from django.utils.translation import gettext_lazy as _

# action: (label in the history filter, sentence in the history list)
ACTIONS = {
    "ballots.batch_issued": (_("Issue ballot cards"), _("Ballot card batch issued")),
    "ballots.batch_downloaded": (
        _("Download ballot cards"),
        _("Ballot card batch downloaded for printing"),
    ),
    "ballots.batch_voided": (_("Cancel ballot cards"), _("Ballot card batch cancelled")),
    "ballots.card_spoiled": (_("Spoil a ballot card"), _("Ballot card marked spoiled")),
}
