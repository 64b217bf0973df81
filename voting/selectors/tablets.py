"""Reads the tablets and the admin share: who a token belongs to, what a station's tablets
must know to work offline (the ballot box's public key among it) and the live counter."""

import functools
import hashlib
from typing import Any

from django.db import connection
from django.db.models import Count, Sum
from django.utils import timezone, translation

from ballots.selectors import offline_check_list
from base import raw_sql
from base.process_memo import ProcessMemo
from mock_elections.models import Election, PollingStation
from mock_elections.selectors import question_text_for, questions_for_age_band

from ..help import organiser_phone
from ..models import BallotBox, StationSettings, StationTablet, Vote
from ..sealing import VERSION, b64url

PICTURE_SPEC = "fill-480x360"
# The ballot of an open election does not change; each server process remembers it for a
# short while, sparing every vote the questions' queries (and, in production, a round trip to
# the shared cache); a change made anyway reaches every process within this time.
BALLOT_RULES_SECONDS = 30

# For each age band id, {question id: (offers “I don't know”, option ids)}.
BallotRules = dict[int, dict[int, tuple[bool, frozenset[int]]]]
_ballot_rules: ProcessMemo[BallotRules] = ProcessMemo(BALLOT_RULES_SECONDS)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def ballot_rules(election: Election) -> BallotRules:
    """What a vote must look like in this election, for checking votes fast: for each age
    band id, {question id: (offers “I don't know”, option ids)} of the questions it is asked."""
    rules = _ballot_rules.get(election.pk)
    if rules is not None:
        return rules
    rules = {}
    for band in election.age_bands.all():
        rules[band.pk] = {
            question.pk: (
                question.offers_abstain,
                frozenset(option.pk for option in question.options.all()),
            )
            for question in questions_for_age_band(election, band)
        }
    _ballot_rules.put(election.pk, rules)
    return rules


# A tablet with its station and election, from one row.
_TABLET_ROW = (StationTablet, PollingStation, Election)


@functools.cache
def _tablet_statement(vendor: str) -> str:
    return (
        f"SELECT {raw_sql.select_columns(_TABLET_ROW)} FROM {raw_sql.table(StationTablet)}"  # noqa: S608 - names from the models
        f" JOIN {raw_sql.table(PollingStation)}"
        f" ON {raw_sql.column(PollingStation, 'id')} = {raw_sql.column(StationTablet, 'station')}"
        f" JOIN {raw_sql.table(Election)}"
        f" ON {raw_sql.column(Election, 'id')} = {raw_sql.column(PollingStation, 'election')}"
        f" WHERE {raw_sql.column(StationTablet, 'token_digest')} = %s"
        f" AND {raw_sql.column(StationTablet, 'revoked_at')} IS NULL"
    )


def tablet_for_token(token: str) -> StationTablet | None:
    """The active tablet holding this token, with its station and election, or None (unknown
    or revoked). Every tablet request asks this: the SQL is written once (`base/raw_sql.py`),
    as `select_related("station__election")` would write it."""
    if not token or len(token) > 200:
        return None
    row = raw_sql.fetch_one(_tablet_statement(connection.vendor), [digest(token)])
    if row is None:
        return None
    tablet, station, election = raw_sql.instances(_TABLET_ROW, row)
    station.election = election  # type: ignore[attr-defined]
    tablet.station = station  # type: ignore[attr-defined]
    return tablet  # type: ignore[return-value]


# Tablets sync their votes flat out, and which station a token belongs to does not change, so
# each server process remembers the voting tablets it has met for a minute instead of reading
# them again per vote. Safe because each vote reads afresh, inside its own transaction,
# whether its tablet was revoked and whether its station takes votes (`record_vote`); and a
# station is remembered only once it has opened, as its opening time never changes after.
VOTING_TABLET_SECONDS = 60
_voting_tablets: ProcessMemo[StationTablet] = ProcessMemo(VOTING_TABLET_SECONDS)


def voting_tablet_for_token(token: str) -> StationTablet | None:
    """`tablet_for_token` for a vote's sync, remembered by this process for a minute."""
    if not token or len(token) > 200:
        return None
    key = digest(token)  # tokens are kept as digests only, here too
    tablet = _voting_tablets.get(key)
    if tablet is not None:
        return tablet
    tablet = tablet_for_token(token)
    if tablet is not None and tablet.station.opened_at is not None:
        _voting_tablets.put(key, tablet)
    return tablet


def _both_languages(make: Any) -> dict[str, str]:
    """{"lv": ..., "en": ...} with `make()` evaluated in each language."""
    texts = {}
    for language in ("lv", "en"):
        with translation.override(language):
            texts[language] = make()
    return texts


def _picture_url(image: Any) -> str | None:
    if image is None:
        return None
    return image.get_rendition(PICTURE_SPEC).url


def station_bundle(station: PollingStation, box: BallotBox) -> dict[str, Any]:
    """Everything a tablet needs to run the station with no network: the station and its
    theme, the age bands, each band's questions (easy-read wording where it applies) with
    option pictures, the list to check ballot codes offline and the ballot box's public key
    every ballot is sealed to."""
    election = station.election
    bands = list(election.age_bands.order_by("sort_order", "min_age"))
    questions_by_band: dict[str, list[dict[str, Any]]] = {}
    for band in bands:
        questions_by_band[str(band.pk)] = [
            {
                "id": question.pk,
                "text": _both_languages(lambda q=question, b=band: question_text_for(q, b)),
                "picture": _picture_url(question.illustration),
                "offers_abstain": question.offers_abstain,
                "options": [
                    {
                        "id": option.pk,
                        "label": {"lv": option.label, "en": option.label_en or option.label},
                        "picture": _picture_url(option.picture),
                    }
                    for option in question.options.all()
                ],
            }
            for question in questions_for_age_band(election, band)
        ]
    return {
        "station": {
            "id": station.pk,
            "name": station.name,
            "address": station.address,
            "district": station.district.name,
            "status": station.status,
            "theme": {
                "name": station.theme_name,
                "motto": station.theme_motto,
                "primary": station.theme_primary_colour,
                "accent": station.theme_accent_colour,
            },
            # For the help screen behind the PIN: who to call on the day.
            "help": {
                "contact_name": station.help_contact_name,
                "organiser_phone": organiser_phone(station),
            },
        },
        "election": {
            "id": election.pk,
            "title": {"lv": election.title, "en": election.title_en or election.title},
            "closes_at": election.voting_closes_at.isoformat(),
        },
        "age_bands": [
            {
                "id": band.pk,
                "label": f"{band.min_age}–{band.max_age}",
                "easy_read": band.uses_easy_read,
            }
            for band in bands
        ],
        "questions": questions_by_band,
        "offline_check": offline_check_list(station),
        "box": {"v": VERSION, "public_key": b64url(bytes(box.public_key))},
        "generated_at": timezone.now().isoformat(),
    }


def station_counter(station: PollingStation) -> dict[str, Any]:
    """The volunteers' live view: votes so far by age band, the station's state, and how many
    votes each tablet last said were waiting to sync."""
    by_band = dict(
        # The election first, so the counting index answers (votes have no station index).
        Vote.objects.filter(election_id=station.election_id, station=station)
        .values_list("age_band")
        .annotate(count=Count("pk"))
        .values_list("age_band", "count")
    )
    bands = station.election.age_bands.order_by("sort_order", "min_age")
    settings = StationSettings.objects.filter(station=station).first()
    return {
        "status": station.status,
        "paused": bool(settings and settings.paused_at),
        "total": sum(by_band.values()),
        "by_age_band": [
            {
                "id": band.pk,
                "label": f"{band.min_age}–{band.max_age}",
                "votes": by_band.get(band.pk, 0),
            }
            for band in bands
        ],
        "waiting_on_tablets": (
            StationTablet.objects.filter(station=station, revoked_at__isnull=True).aggregate(
                waiting=Sum("queued_votes_reported")
            )["waiting"]
            or 0
        ),
    }
