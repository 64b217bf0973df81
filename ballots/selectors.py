"""Reading ballot data: accounting for every card, and the list a tablet checks offline."""

import hashlib

from django.db.models import Count
from django.utils.translation import gettext

from . import codes
from .models import Ballot

OFFLINE_DIGEST_BYTES = 8


def _state_counts(ballots):
    counts = dict.fromkeys(Ballot.State.values, 0)
    for row in ballots.values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    return counts


def _account(counts, votes, duplicate_offline_uses):
    printed = sum(counts.values())
    numbers = {
        "printed": printed,
        "used": counts[Ballot.State.USED],
        "spoiled": counts[Ballot.State.SPOILED],
        "void": counts[Ballot.State.VOID],
        "unused": counts[Ballot.State.PRINTED],
        "votes": votes,
        "duplicate_offline_uses": duplicate_offline_uses,
    }
    notes = []
    if votes != numbers["used"] + duplicate_offline_uses:
        notes.append(
            gettext("%(votes)s votes were recorded but %(used)s cards were used.")
            % {"votes": votes, "used": numbers["used"]}
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
    """The numbers for a station's closing certificate.

    printed = used + spoiled + void + unused always holds (every card is in one state). A
    mismatch is flagged when the votes recorded differ from the cards used; the voting app
    passes ``duplicate_offline_uses`` when it knows of cards accepted twice while offline.
    """
    from voting.models import Vote

    counts = _state_counts(Ballot.objects.filter(station=station))
    votes = Vote.objects.filter(station=station).count()
    return _account(counts, votes, duplicate_offline_uses)


def election_accounting(election):
    """Each station's accounting and the election's totals, mismatches flagged."""
    stations = [
        {"station": station, **station_accounting(station)}
        for station in election.stations.select_related("district")
    ]
    totals = {
        key: sum(row[key] for row in stations)
        for key in (
            "printed",
            "used",
            "spoiled",
            "void",
            "unused",
            "votes",
            "duplicate_offline_uses",
        )
    }
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
