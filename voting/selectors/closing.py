"""What the volunteers sign when a station closes, and the paper counts behind it."""

from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mock_elections.models import PollingStation

from ..models import DuplicateOfflineUse, PaperTally, PaperTallyEntry
from .accounting import station_accounting
from .counting import station_tally_digest, uncounted_votes
from .paper import paper_tally_differences
from .tablets import station_counter


def closing_summary(station: PollingStation) -> dict[str, Any]:
    """What the volunteers sign when the station closes: votes by source and age band, the
    ballot accounting with every mismatch explained, and the times."""
    counter = station_counter(station)
    paper_by_question = (
        PaperTally.objects.filter(station=station)
        .values("question")
        .annotate(votes=Sum("votes"))
        .values_list("votes", flat=True)
    )
    # Each paper card answers every question it asks; the busiest question counts the cards.
    paper_votes = max(paper_by_question, default=0)
    paper_entered = PaperTallyEntry.objects.filter(station=station).exists()
    differences = paper_tally_differences(station)
    duplicates = DuplicateOfflineUse.objects.filter(station=station).count()
    accounting = station_accounting(station, duplicate_offline_uses=duplicates)
    tablets = list(station.tablets.order_by("label"))

    # The card accounting explains votes against used cards and cards used twice offline.
    explanations = list(accounting["notes"])
    if paper_votes:
        explanations.append(
            _("%(count)d children voted on paper; their cards are among the unused codes.")
            % {"count": paper_votes}
        )
    if counter["waiting_on_tablets"]:
        explanations.append(
            _("%(count)d votes were still waiting to sync on the tablets.")
            % {"count": counter["waiting_on_tablets"]}
        )
    if paper_entered and differences:
        explanations.append(
            _("The two paper entries differ on %(count)d lines; no paper count is accepted.")
            % {"count": len(differences)}
        )

    return {
        "station": station,
        "election": station.election,
        "opened_at": station.opened_at,
        "closed_at": station.closed_at,
        "generated_at": timezone.now(),
        "tablet_votes": counter["total"],
        "paper_votes": paper_votes,
        "paper_accepted": PaperTally.objects.filter(station=station).exists(),
        "paper_differences": differences,
        "by_age_band": counter["by_age_band"],
        "accounting": accounting,
        "duplicate_offline_uses": duplicates,
        "waiting_on_tablets": counter["waiting_on_tablets"],
        "tablets": tablets,
        "explanations": explanations,
        "tally_digest": station_tally_digest(station),
        "uncounted_votes": uncounted_votes(station),
    }
