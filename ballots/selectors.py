"""Reading ballot data: accounting for every card, and the list a tablet checks offline."""

import hashlib

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from mock_elections.models import PollingStation

from . import codes
from .models import Ballot

OFFLINE_DIGEST_BYTES = 8
ACCOUNTING_NUMBERS = ("printed", "used", "spoiled", "void", "unused", "votes_recorded")


def with_accounting(stations):
    """Annotate polling stations with their card counts and recorded votes, in one query.

    printed = used + spoiled + void + unused always holds (every card is in one state).
    ``mismatch`` is true when the votes recorded differ from the cards used.
    """
    from voting.models import Vote

    votes = (
        Vote.objects.filter(station=OuterRef("pk"))
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


def _account(row, duplicate_offline_uses):
    numbers = {key: getattr(row, key) for key in ACCOUNTING_NUMBERS}
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


def station_accounting(station, duplicate_offline_uses=0):
    """The numbers for a station's closing certificate: printed, used, spoiled, void,
    unused, votes recorded, mismatch (bool) and notes explaining any mismatch.

    The voting app passes ``duplicate_offline_uses`` when it knows of cards accepted twice
    while tablets were offline; such votes explain (and flag) votes above cards used.
    """
    row = with_accounting(PollingStation.objects.filter(pk=station.pk)).get()
    return _account(row, duplicate_offline_uses)


def election_accounting(election):
    """Each station's accounting and the election's totals, mismatches flagged."""
    stations = [
        {"station": row, **_account(row, 0)}
        for row in with_accounting(election.stations.select_related("district"))
    ]
    totals = {key: sum(row[key] for row in stations) for key in ACCOUNTING_NUMBERS}
    totals["duplicate_offline_uses"] = 0
    totals["mismatch"] = any(row["mismatch"] for row in stations)
    totals["notes"] = [
        f"{row['station'].name}: {note}" for row in stations for note in row["notes"]
    ]
    return {"stations": stations, "totals": totals}


def offline_salt(station):
    """A per-station salt (hex) derived from the code key; stable, so tablets can cache."""
    return codes.keyed_hash(b"offline-salt", str(station.pk).encode())[:16].hex()


def offline_digest(salt, code):
    """What a tablet computes for a canonical code to look it up in its cached list."""
    return hashlib.sha256((salt + code).encode()).digest()[:OFFLINE_DIGEST_BYTES].hex()


def offline_check_list(station):
    """The unused cards of a station in a form a tablet can cache and check codes against.

    ``digests`` holds ``sha256(salt + CODE)`` truncated to 8 bytes (hex) for each unused
    card, sorted so the order reveals nothing about batches or serials. CODE is the
    canonical 13-character code (upper case, no dashes) from ``normalise_code``.

    Trade-off: anyone who copies a tablet's list may try codes offline. A code has 60 bits,
    so finding any one of a station's n cards takes about 2**60 / n hashes (for 300 cards,
    some 4·10**15 SHA-256 computations: days on a rack of GPUs, for one children's ballot
    card, which the server still checks and accepts once). 8 bytes make accidental matches
    negligible (n / 2**64).
    """
    salt = offline_salt(station)
    digests = []
    for batch in station.ballot_batches.filter(is_void=False):
        printed = set(
            batch.ballots.filter(state=Ballot.State.PRINTED).values_list("serial", flat=True)
        )
        digests.extend(
            offline_digest(salt, code)
            for serial, code in enumerate(batch.codes(), start=1)
            if serial in printed
        )
    digests.sort()
    return {"version": 1, "salt": salt, "digest_bytes": OFFLINE_DIGEST_BYTES, "digests": digests}
