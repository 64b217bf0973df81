"""Card-versus-vote accounting: every printed card of a station is used, spoiled, void or
unused, and the votes recorded (sealed or counted) match the cards used. It lives here, above
ballots, because it reads both cards and votes."""

from typing import Any

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from ballots.models import Ballot
from mock_elections.models import Election, PollingStation

from ..models import Vote

ACCOUNTING_NUMBERS = ("printed", "used", "spoiled", "void", "unused", "votes_recorded")


def with_accounting(stations: QuerySet[PollingStation]) -> QuerySet[PollingStation]:
    """Annotate polling stations with their card counts and recorded votes, in one query.

    printed = used + spoiled + void + unused always holds (every card is in one state).
    ``mismatch`` is true when the votes recorded differ from the cards used.
    """
    votes = (
        # By election and station: the counting index (votes have no station index).
        Vote.objects.filter(election=OuterRef("election"), station=OuterRef("pk"))
        .order_by()
        .values("station")
        .annotate(n=Count("pk"))
        .values("n")
    )
    by_state = {
        name: Count("ballots", filter=Q(ballots__state=state))
        for name, state in (
            ("used", Ballot.State.USED),
            ("spoiled", Ballot.State.SPOILED),
            ("void", Ballot.State.VOID),
            ("unused", Ballot.State.PRINTED),
        )
    }
    return stations.annotate(
        printed=Count("ballots"),
        **by_state,
        votes_recorded=Coalesce(Subquery(votes, output_field=IntegerField()), 0),
    ).annotate(
        mismatch=Case(When(votes_recorded=F("used"), then=Value(False)), default=Value(True)),
    )


def _account(row: PollingStation, duplicate_offline_uses: int) -> dict[str, Any]:
    numbers: dict[str, Any] = {key: getattr(row, key) for key in ACCOUNTING_NUMBERS}
    numbers["duplicate_offline_uses"] = duplicate_offline_uses
    notes = []
    if numbers["votes_recorded"] != numbers["used"] + duplicate_offline_uses:
        notes.append(
            gettext("%(votes)s votes were recorded but %(used)s cards were used.")
            % {"votes": numbers["votes_recorded"], "used": numbers["used"]}
        )
    if duplicate_offline_uses:
        notes.append(
            gettext(
                "%(count)s cards were used twice while tablets were offline; "
                "check those votes before closing."
            )
            % {"count": duplicate_offline_uses}
        )
    numbers["mismatch"] = bool(notes)
    numbers["notes"] = notes
    return numbers


def station_accounting(station: PollingStation, duplicate_offline_uses: int = 0) -> dict[str, Any]:
    """The numbers for a station's closing certificate: printed, used, spoiled, void,
    unused, votes recorded, mismatch (bool) and notes explaining any mismatch.

    The closing summary passes ``duplicate_offline_uses`` when it knows of cards accepted twice
    while tablets were offline; such votes explain (and flag) votes above cards used.
    """
    row = with_accounting(PollingStation.objects.filter(pk=station.pk)).get()
    return _account(row, duplicate_offline_uses)


def election_accounting(election: Election) -> dict[str, Any]:
    """Each station's accounting and the election's totals, mismatches flagged."""
    stations = [
        {"station": row, **_account(row, 0)}
        for row in with_accounting(election.stations.select_related("district"))
    ]
    totals: dict[str, Any] = {key: sum(row[key] for row in stations) for key in ACCOUNTING_NUMBERS}
    totals["duplicate_offline_uses"] = 0
    totals["mismatch"] = any(row["mismatch"] for row in stations)
    totals["notes"] = [
        f"{row['station'].name}: {note}" for row in stations for note in row["notes"]
    ]
    return {"stations": stations, "totals": totals}
