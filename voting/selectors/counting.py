"""Reads about counting: which stations still hold sealed votes, what was set aside, and each
station's tally with a short digest printed on its closing certificate (M31).

The canonical tally is one line per (question, option or “I don't know”) the station's paper
count is typed for: the counted tablet votes and the accepted paper ballots. Its SHA-256,
shown as 10 Crockford base-32 characters (50 bits), lets an observer holding the signed
certificate check that the stored votes still say the same.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Sum

from mock_elections.models import BallotQuestion, Election, PollingStation
from mock_elections.selectors import ballot_questions

from ..models import PaperTally, SealedVote, SetAsideVote, VoteAnswer
from .paper import PaperLine, paper_lines, paper_tally_lines

DIGEST_VERSION = "v1"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DIGEST_CHARACTERS = 10


@dataclass(frozen=True)
class StationDigest:
    """One station's published tally digest."""

    station_id: int
    station_name: str
    digest: str


def stations_with_uncounted_votes(election: Election) -> list[PollingStation]:
    """Stations whose ballot box still holds sealed votes: results must wait for them."""
    station_ids = (
        SealedVote.objects.filter(station__election=election)
        .order_by()
        .values_list("station_id", flat=True)
        .distinct()
    )
    return list(election.stations.filter(pk__in=station_ids).order_by("name"))


def uncounted_votes(station: PollingStation) -> int:
    return SealedVote.objects.filter(station=station).count()


def set_aside_votes(election: Election) -> list[SetAsideVote]:
    """Ballots a count could not use, with their station and why, for the count screen."""
    return list(
        SetAsideVote.objects.filter(station__election=election)
        .select_related("station")
        .order_by("station__name", "counted_hour")
    )


Tally = dict[tuple[int, int | None], int]


def canonical_tally(station: PollingStation) -> str:
    """The station's counted tally as text: one line per question and option, tablet votes and
    paper ballots; the same numbers give the same text on any database."""
    tablet: Tally = {
        (row["question"], row["option"]): row["n"]
        for row in VoteAnswer.objects.filter(vote__station=station, vote__counted=True)
        .order_by()
        .values("question", "option")
        .annotate(n=Count("pk"))
    }
    paper: Tally = {
        (row["question"], row["option"]): row["n"]
        for row in PaperTally.objects.filter(station=station)
        .order_by()
        .values("question", "option")
        .annotate(n=Sum("votes"))
    }
    return _canonical_text(station.pk, _line_keys(paper_tally_lines(station)), tablet, paper)


def _line_keys(lines: Iterable[PaperLine]) -> set[tuple[int, int | None]]:
    """The (question id, option id or None) of every line of a paper count."""
    return {(question.pk, option.pk if option else None) for question, option in lines}


def _canonical_text(
    station_id: int, line_keys: set[tuple[int, int | None]], tablet: Tally, paper: Tally
) -> str:
    keys = line_keys | set(tablet) | set(paper)
    lines = [f"{DIGEST_VERSION} station={station_id}"]
    for question_id, option_id in sorted(keys, key=lambda key: (key[0], key[1] or 0)):
        option = "-" if option_id is None else str(option_id)
        key = (question_id, option_id)
        lines.append(f"q={question_id} o={option} t={tablet.get(key, 0)} p={paper.get(key, 0)}")
    return "\n".join(lines) + "\n"


def tally_digest(canonical: str) -> str:
    """The short code of a canonical tally: 10 base-32 characters, grouped 5-5 for reading."""
    number = int.from_bytes(hashlib.sha256(canonical.encode()).digest()[:8], "big") >> 14
    characters = "".join(
        CROCKFORD[(number >> (5 * index)) & 31] for index in reversed(range(DIGEST_CHARACTERS))
    )
    return f"{characters[:5]}-{characters[5:]}"


def normalise_digest(text: str) -> str:
    """A digest as typed from paper: case, spaces, dashes and look-alike letters forgiven."""
    cleaned = "".join(character for character in text.upper() if character.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    return f"{cleaned[:5]}-{cleaned[5:]}" if len(cleaned) == DIGEST_CHARACTERS else cleaned


def station_tally_digest(station: PollingStation) -> str:
    return tally_digest(canonical_tally(station))


def station_digests(
    election: Election, questions: Sequence[BallotQuestion] | None = None
) -> list[StationDigest]:
    """Every station's tally digest, for the open data and `verify_results`: the same text as
    `canonical_tally` per station, read for the whole election in a few queries (not a few
    per station). `questions`: the election's, in ballot order with their options, when the
    caller has read them already."""
    stations = list(election.stations.order_by("name", "pk"))
    if not stations:
        return []
    tablet: dict[int, Tally] = {station.pk: {} for station in stations}
    for row in (
        VoteAnswer.objects.filter(vote__station__election=election, vote__counted=True)
        .order_by()
        .values("vote__station", "question", "option")
        .annotate(n=Count("pk"))
    ):
        tablet[row["vote__station"]][(row["question"], row["option"])] = row["n"]
    paper: dict[int, Tally] = {station.pk: {} for station in stations}
    for line in (
        PaperTally.objects.filter(station__election=election)
        .order_by()
        .values("station", "question", "option")
        .annotate(n=Sum("votes"))
    ):
        paper[line["station"]][(line["question"], line["option"])] = line["n"]
    # Every station of an election is typed for the same lines: its questions and options.
    line_keys = _line_keys(
        paper_lines(ballot_questions(election) if questions is None else questions)
    )
    return [
        StationDigest(
            station.pk,
            station.name,
            tally_digest(
                _canonical_text(station.pk, line_keys, tablet[station.pk], paper[station.pk])
            ),
        )
        for station in stations
    ]
