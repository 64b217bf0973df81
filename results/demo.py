"""Sample results: about 1,392 children's votes for the demo election (seeded, so every run
gives the same counts), a few paper tallies, the published and final results, a follow-up, the
two sample adult precinct breakdowns and the pages that show them. All sample content."""

import datetime
import json
import random
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db.models import Count
from django.utils import timezone

from wagtail.models import Locale

from ballots.models import Ballot, BallotBatch
from ballots.services import create_batch, queue_batch_drawing
from base.models import District
from home.models import HomePage
from mock_elections.models import Election
from mock_elections.services import publish_results
from results.models import (
    AdultElection,
    AdultTurnoutPage,
    CityFollowUp,
    ElectionResultsPage,
)
from results.services import import_precinct_turnout, mark_results
from voting.models import PaperTally, Vote, VoteAnswer
from voting.services import record_election_tallies

DEMO_ELECTION_SLUG = "berni-2025"
TABLET_VOTES = 1372  # with 20 paper ballots: the 1,392 children of Liepāja 2025
PAPER_BALLOTS = 20
SEED = 2025
RIGA = ZoneInfo("Europe/Riga")
# Votes per hour from 07:00 to 20:00 (Riga time): a morning start, a midday and an evening peak.
HOUR_WEIGHTS = {
    7: 2,
    8: 4,
    9: 6,
    10: 9,
    11: 11,
    12: 12,
    13: 10,
    14: 9,
    15: 9,
    16: 10,
    17: 11,
    18: 9,
    19: 6,
    20: 3,
}
DATA = Path(__file__).parent / "demo_data"
ADULT_ELECTIONS = [
    # name, date, campaign election, file
    ("Pašvaldību vēlēšanas 2021", datetime.date(2021, 6, 5), False, "2021"),
    ("Pašvaldību vēlēšanas 2025", datetime.date(2025, 6, 7), True, "2025"),
]
SPECIALLY_DESIGNED_PRECINCT = "702"


# Schematic outlines for the demo map: a 5 × 2 grid of blocks in roughly the districts' order
# from north-west to south-east, marked "schematic" so every map says they are not the real
# boundaries. (west longitude, south latitude) of each block; blocks are 0.04° × 0.03°.
SCHEMATIC_BLOCKS = {
    "karosta": (20.95, 56.53),
    "ziemelu-priekspilseta": (20.99, 56.53),
    "vecliepaja": (21.03, 56.53),
    "jaunliepaja": (21.07, 56.53),
    "tosmare": (21.11, 56.53),
    "dienvidrietumi": (20.95, 56.50),
    "laumas": (20.99, 56.50),
    "livas": (21.03, 56.50),
    "zala-birzs": (21.07, 56.50),
    "ezerkrasts": (21.11, 56.50),
}


def load(stdout):
    _schematic_boundaries(stdout)
    baseline, campaign = _adult_turnout(stdout)
    election = Election.objects.filter(slug=DEMO_ELECTION_SLUG).first()
    if election is None:
        stdout.write(f"  no demo election “{DEMO_ELECTION_SLUG}”: children's votes skipped")
    elif _cast_votes(election, stdout):
        _publish(election)
        _follow_up(election)
    _pages(election, baseline, campaign, stdout)


def _schematic_boundaries(stdout):
    """Give each demo district without an outline its schematic block (an organiser's upload
    is never replaced)."""
    added = 0
    for district in District.objects.filter(slug__in=SCHEMATIC_BLOCKS, boundary=""):
        west, south = SCHEMATIC_BLOCKS[district.slug]
        ring = [
            [west, south],
            [west + 0.04, south],
            [west + 0.04, south + 0.03],
            [west, south + 0.03],
        ]
        document = {
            "type": "Feature",
            "properties": {"name": district.name, "schematic": True},
            "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
        }
        district.boundary.save(
            f"{district.slug}-schematic.geojson", ContentFile(json.dumps(document).encode())
        )
        added += 1
    stdout.write(f"  {added} schematic district outlines (sample, not real boundaries)")


def _adult_turnout(stdout):
    elections = []
    for name, date, is_campaign, year in ADULT_ELECTIONS:
        adult, _created = AdultElection.objects.update_or_create(
            name=name,
            defaults={
                "name_en": f"Municipal election {year}",
                "date": date,
                "is_campaign_election": is_campaign,
            },
        )
        raw = (DATA / f"sample-breakdown-precincts-{year}.csv").read_bytes()
        count = import_precinct_turnout(adult, raw)
        adult.precincts.filter(precinct_number=SPECIALLY_DESIGNED_PRECINCT).update(
            is_specially_designed=True
        )
        stdout.write(f"  {name}: {count} precincts (sample breakdown)")
        elections.append(adult)
    return elections


def _cast_votes(election, stdout):
    stations = list(election.stations.order_by("pk"))
    bands = list(election.age_bands.order_by("min_age"))
    questions = list(election.questions.prefetch_related("options", "age_bands"))
    if not (stations and bands and questions):
        stdout.write("  demo election has no stations, age bands or questions: votes skipped")
        return False

    # Start again on every run, so the counts are always the seeded ones.
    PaperTally.objects.filter(station__election=election).delete()
    Vote.objects.filter(election=election).delete()

    rng = random.Random(SEED)  # noqa: S311 - reproducible sample data, not security
    station_weights = [1.0 + 0.15 * (index % 3) for index in range(len(stations))]
    band_weights = [3, 4, 3, 2][: len(bands)] + [2] * max(0, len(bands) - 4)
    hours = list(HOUR_WEIGHTS)
    votes, answers = [], []
    for _ in range(TABLET_VOTES):
        band = rng.choices(bands, band_weights)[0]
        hour = rng.choices(hours, HOUR_WEIGHTS.values())[0]
        cast_at = datetime.datetime.combine(election.election_date, datetime.time(hour), RIGA)
        vote = Vote(
            election=election,
            station=rng.choices(stations, station_weights)[0],
            age_band=band,
            cast_hour=cast_at.astimezone(datetime.UTC),
        )
        votes.append(vote)
        for question in questions:
            asked = list(question.age_bands.all())
            if asked and band not in asked:
                continue
            options = list(question.options.all())
            choices = options + ([None] if question.offers_abstain else [])
            weights = [len(options) - index + 1 for index in range(len(options))]
            weights += [0.6] if question.offers_abstain else []
            answers.append(
                VoteAnswer(vote=vote, question=question, option=rng.choices(choices, weights)[0])
            )
    Vote.objects.bulk_create(votes, batch_size=500)
    VoteAnswer.objects.bulk_create(answers, batch_size=1000)
    _use_demo_cards(election)

    paper_station = stations[0]
    for question in questions:
        options = list(question.options.all())
        split = [PAPER_BALLOTS // 2, PAPER_BALLOTS - PAPER_BALLOTS // 2 - 1] + [0] * len(options)
        for option, count in zip(options, split, strict=False):
            PaperTally.objects.create(
                station=paper_station, question=question, option=option, votes=count
            )
        PaperTally.objects.create(station=paper_station, question=question, option=None, votes=1)
    # Sample votes are written as counted: record each station's tally digest as a count would.
    record_election_tallies(election)
    stdout.write(
        f"  {TABLET_VOTES} tablet votes and {PAPER_BALLOTS} paper ballots (sample, seeded)"
    )
    return True


def _use_demo_cards(election):
    """Every sample vote used up one of its station's demo cards, as a real vote does, so the
    closing certificates and card accounting add up (votes recorded = cards used). A station
    with too few unused cards gets another demo batch for the rest."""
    Ballot.objects.filter(station__election=election, state=Ballot.State.USED).update(
        state=Ballot.State.PRINTED
    )
    votes_per_station = (
        Vote.objects.filter(election=election)
        .order_by()
        .values_list("station")
        .annotate(count=Count("pk"))
    )
    for station_id, count in votes_per_station:
        unused = list(
            Ballot.objects.filter(station_id=station_id, state=Ballot.State.PRINTED)
            .order_by("batch__number", "serial")
            .values_list("pk", flat=True)[:count]
        )
        if len(unused) < count:
            station = election.stations.get(pk=station_id)
            batch = create_batch(station, count - len(unused), BallotBatch.Layout.EIGHT)
            queue_batch_drawing(batch)
            unused += list(batch.ballots.values_list("pk", flat=True))
        Ballot.objects.filter(pk__in=unused).update(state=Ballot.State.USED)


def _publish(election):
    """Published through the election's own lifecycle (with its audit entry) once it is closed
    and its release time has passed, then labelled final."""
    if election.status == Election.Status.CLOSED and election.results_release_at <= timezone.now():
        publish_results(election, by=None)
    mark_results(election, is_final=True)


def _follow_up(election):
    question = election.questions.order_by("sort_order", "pk").first()
    CityFollowUp.objects.update_or_create(
        question=question,
        defaults={
            "date": datetime.date(2025, 9, 15),
            "text": (
                "Paraugs: pilsēta bērnu izvēlēto ideju iekļāva nākamā gada budžetā, un "
                "darbi sākās rudenī."
            ),
            "text_en": (
                "Sample: the city put the children's chosen idea into next year's budget, "
                "and work began in the autumn."
            ),
        },
    )


def _publish_page(parent, page_class, slug, fields, english_fields):
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=page_class(slug=slug, **fields))
    else:
        for field, value in fields.items():
            setattr(page, field, value)
    page.save_revision().publish()

    english = Locale.objects.filter(language_code="en").first()
    if english is None or parent.get_translation_or_none(english) is None:
        return page
    translation = page.get_translation_or_none(english)
    translation = (translation or page.copy_for_translation(english)).specific
    for field, value in {**fields, **english_fields}.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return page


def _pages(election, baseline, campaign, stdout):
    home = HomePage.objects.filter(locale__language_code="lv").first()
    if home is None:
        stdout.write("  no home page: results pages skipped")
        return
    if election is not None:
        _publish_page(
            home,
            ElectionResultsPage,
            "rezultati",
            {
                "title": "Bērnu un jauniešu vēlēšanu rezultāti",
                "election": election,
                "intro": "<p>Ko Liepājas bērni un jaunieši izvēlējās (demo dati).</p>",
            },
            {
                "title": "Children's and youth election results",
                "slug": "results",
                "intro": "<p>What Liepāja's children and young people chose (demo data).</p>",
            },
        )
    _publish_page(
        home,
        AdultTurnoutPage,
        "veletaju-aktivitate",
        {
            "title": "Vēlētāju aktivitāte pa iecirkņiem",
            "baseline_election": baseline,
            "campaign_election": campaign,
            "children_election": election,
            "intro": (
                "<p>No 28,84&nbsp;% līdz 43,5&nbsp;%. Sadalījums pa iecirkņiem ir paraugs, "
                "pilsētas kopsummas ir īstas.</p>"
            ),
        },
        {
            "title": "Voter turnout by polling station",
            "slug": "turnout",
            "intro": (
                "<p>From 28.84&nbsp;% to 43.5&nbsp;%. The per-precinct breakdown is a sample; the "
                "city totals are real.</p>"
            ),
        },
    )
    stdout.write("  results and turnout pages (lv, en)")
