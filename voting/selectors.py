"""Reads the tablets and the admin share: who a token belongs to, what a station's tablets
must know to work offline, the live counter and the closing summary."""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mock_elections.models import BallotQuestion
from mock_elections.selectors import question_text_for, questions_for_age_band

from .models import (
    DuplicateOfflineUse,
    PaperTally,
    PaperTallyEntry,
    StationSettings,
    StationTablet,
    Vote,
)

PICTURE_SPEC = "fill-480x360"
# The ballot of an open election does not change; a short cache spares every vote the
# questions' queries, and a change made anyway reaches every server within this time.
BALLOT_RULES_SECONDS = 30


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def ballot_rules(election):
    """What a vote must look like in this election, for checking votes fast: for each age
    band id, {question id: (offers “I don't know”, option ids)} of the questions it is asked."""
    key = f"voting:ballot-rules:{election.pk}"
    rules = cache.get(key)
    if rules is None:
        rules = {}
        for band in election.age_bands.all():
            rules[band.pk] = {
                question.pk: (
                    question.offers_abstain,
                    frozenset(option.pk for option in question.options.all()),
                )
                for question in questions_for_age_band(election, band)
            }
        cache.set(key, rules, BALLOT_RULES_SECONDS)
    return rules


def tablet_for_token(token):
    """The active tablet holding this token, or None (unknown or revoked)."""
    if not token or len(token) > 200:
        return None
    return (
        StationTablet.objects.select_related("station__election")
        .filter(token_digest=digest(token), revoked_at__isnull=True)
        .first()
    )


def _both_languages(make):
    """{"lv": ..., "en": ...} with `make()` evaluated in each language."""
    texts = {}
    for language in ("lv", "en"):
        with translation.override(language):
            texts[language] = make()
    return texts


def _picture_url(image):
    if image is None:
        return None
    return image.get_rendition(PICTURE_SPEC).url


def station_bundle(station):
    """Everything a tablet needs to run the station with no network: the station and its
    theme, the age bands, each band's questions (easy-read wording where it applies) with
    option pictures, and the list to check ballot codes offline."""
    from ballots.selectors import offline_check_list

    election = station.election
    bands = list(election.age_bands.order_by("sort_order", "min_age"))
    questions_by_band = {}
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
        "generated_at": timezone.now().isoformat(),
    }


def station_counter(station):
    """The volunteers' live view: votes so far by age band, the station's state, and how many
    votes each tablet last said were waiting to sync."""
    by_band = dict(
        Vote.objects.filter(station=station)
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


def closing_summary(station):
    """What the volunteers sign when the station closes: votes by source and age band, the
    ballot accounting with every mismatch explained, and the times."""
    from ballots.selectors import station_accounting

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
    }


def paper_tally_lines(station):
    """Every (question, option or None) a paper count is typed for: each option of each
    question of the station's election, and “I don't know” where offered."""
    lines = []
    questions = BallotQuestion.objects.filter(election=station.election).prefetch_related("options")
    for question in questions.order_by("sort_order", "pk"):
        lines.extend((question, option) for option in question.options.all())
        if question.offers_abstain:
            lines.append((question, None))
    return lines


def paper_tally_differences(station):
    """Lines where the two entries differ, as (question, option, first, second); None while
    one of the entries is missing."""
    entries = {
        (entry.entry_round, entry.question_id, entry.option_id): entry.votes
        for entry in PaperTallyEntry.objects.filter(station=station)
    }
    rounds = {entry_round for entry_round, _q, _o in entries}
    if rounds != {1, 2}:
        return None
    return [
        (question, option, first, second)
        for question, option in paper_tally_lines(station)
        if (first := entries.get((1, question.pk, option.pk if option else None)))
        != (second := entries.get((2, question.pk, option.pk if option else None)))
    ]
