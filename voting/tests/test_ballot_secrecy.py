"""The sealed ballot box against an outsider holding a copy of the whole database.

Votes are cast through the real tablet API (bundle, then sync, one card per request, cards
used in the order they were printed), the station is closed and counted, and then we play the
attacker: every way of ordering or joining the vote tables (rowid or ctid, physical order,
xmin, xmax, ids, the answer rows) against every way of ordering the used cards and the
idempotency records. Each vote has its own combination of answers, so a pairing is correct
exactly when the card's child gave that vote. Chance is one correct pair in the whole station
on average; we allow at most 5 %.

Runs on SQLite and, with DATABASE_URL pointing there, on PostgreSQL.
"""

import itertools
import json
import random
import uuid

import pytest

from django.db import connection
from django.test import Client
from django.utils import timezone

from ballots.codes import code_digest, normalise_code
from ballots.models import Ballot
from base.refusals import Refused
from mock_elections import services as election_services
from mock_elections.tests.factories import BallotOptionFactory, BallotQuestionFactory
from voting import services
from voting.models import ReceivedSubmission, SealedVote, Vote, VoteAnswer
from voting.sealing import from_b64url, seal_ballot

from .factories import open_station_set_up

VOTES = 150
MOST_CORRECT = VOTES * 5 // 100


def distinct_ballots(set_up, count):
    """`count` different complete ballots of the older age band (two extra questions of seven
    options each make 3 × 2 × 7 × 7 = 294 combinations)."""
    extra = []
    for _ in range(2):
        question = BallotQuestionFactory(election=set_up.election, offers_abstain=False)
        BallotOptionFactory.create_batch(7, question=question)
        extra.append(question)
    everyone = [option.pk for option in set_up.everyone_options] + [None]
    older = [option.pk for option in set_up.older_options]
    columns = [
        (set_up.everyone_question.pk, everyone),
        (set_up.older_question.pk, older),
        *[(q.pk, [o.pk for o in q.options.all()]) for q in extra],
    ]
    combinations = list(itertools.product(*(options for _question, options in columns)))
    random.Random(11).shuffle(combinations)
    return [
        tuple(zip([question for question, _options in columns], combination, strict=True))
        for combination in combinations[:count]
    ]


def cast_through_the_api(set_up, ballots):
    client = Client()
    headers = {"Authorization": f"Bearer {set_up.token}"}
    bundle = client.get("/api/tablet/bundle/", headers=headers).json()
    public_key = from_b64url(bundle["box"]["public_key"])
    for code, ballot in zip(set_up.codes, ballots, strict=True):
        answers = [{"question": question, "option": option} for question, option in ballot]
        item = {
            "client_id": str(uuid.uuid4()),
            "code": code,
            "age_band": set_up.older.pk,
            "cast_at": timezone.now().isoformat(),
            "offline": False,
            "sealed": seal_ballot(public_key, set_up.older.pk, answers),
        }
        response = client.post(
            "/api/tablet/sync/",
            json.dumps({"votes": [item]}),
            content_type="application/json",
            headers=headers,
        )
        assert response.json()["results"][0]["result"] == "recorded", response.content


def system_columns(model, station_id):
    """(row id, {feature: sortable value}) for every row of the station, in physical order."""
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    # Table and column names come from the model, quoted; no user input reaches this SQL.
    if connection.vendor == "postgresql":
        select = f"SELECT {pk}, xmin::text::bigint, xmax::text::bigint, ctid::text FROM {table}"  # noqa: S608
    else:
        select = f"SELECT {pk}, rowid, 0, '(0,' || rowid || ')' FROM {table}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(select + " WHERE station_id = %s", [station_id])
        rows = cursor.fetchall()
    features = []
    for position, (pk_value, xmin, xmax, ctid) in enumerate(rows):
        page, tuple_index = (int(part) for part in ctid.strip("()").split(","))
        features.append(
            (
                str(pk_value),
                {
                    "physical": position,
                    "xmin": int(xmin),
                    "xmax": int(xmax),
                    "ctid": (page, tuple_index),
                    "id": str(pk_value),
                },
            )
        )
    return features


def answer_row_order(station_id):
    """Each vote's first answer row in the answers table's own physical order."""
    first = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.vote_id FROM voting_voteanswer a JOIN voting_vote v ON v.id = a.vote_id"
            " WHERE v.station_id = %s",
            [station_id],
        )
        for position, (vote_id,) in enumerate(cursor.fetchall()):
            first.setdefault(str(vote_id).replace("-", ""), position)
    return first


def orderings(features, extra=None):
    """Every ordering of the rows an attacker can derive from their stored columns."""
    keys = ["physical", "xmin", "xmax", "ctid", "id"]
    result = []
    for key in keys:
        ordered = sorted(features, key=lambda row, key=key: (row[1][key], row[1]["physical"]))
        result.append([row_id for row_id, _values in ordered])
    if extra:
        result.append(sorted(extra, key=extra.get))
    return result


def best_pairing(vote_orders, card_orders, vote_ballot, card_ballot):
    best = 0
    for votes in vote_orders:
        for cards in card_orders:
            for candidate in (cards, list(reversed(cards))):
                correct = sum(
                    vote_ballot[vote] == card_ballot[card]
                    for vote, card in zip(votes, candidate, strict=False)
                )
                best = max(best, correct)
    return best


def same_value_pairing(vote_features, card_features, vote_ballot, card_ballot):
    """Join on equal transaction ids: how many joined pairs are the true ones."""
    correct = 0
    for key in ("xmin", "xmax"):
        by_value = {}
        for card, values in card_features:
            by_value.setdefault(values[key], []).append(card)
        for vote, values in vote_features:
            cards = by_value.get(values[key], [])
            if len(cards) == 1:
                correct += vote_ballot[vote] == card_ballot[cards[0]]
    return correct


def canonical(ballot):
    """A ballot's answers in one order (“I don't know” as option 0), to compare ballots."""
    return tuple(sorted((question, option or 0) for question, option in ballot))


def normal(value):
    return str(value).replace("-", "")


@pytest.mark.django_db(transaction=True)
def test_after_counting_no_vote_pairs_with_its_card_better_than_chance():
    set_up = open_station_set_up(cards=VOTES)
    ballots = distinct_ballots(set_up, VOTES)
    cast_through_the_api(set_up, ballots)
    card_ballot_by_digest = {
        code_digest(normalise_code(code)): ballot
        for code, ballot in zip(set_up.codes, ballots, strict=True)
    }

    election_services.close_station(set_up.station, by=set_up.organiser)
    outcome = services.count_station(set_up.station, by=set_up.organiser)
    assert outcome.counted == VOTES and not outcome.set_aside
    assert not SealedVote.objects.exists()

    vote_ballot = {}
    for vote in Vote.objects.filter(station=set_up.station).prefetch_related("answers"):
        vote_ballot[normal(vote.pk)] = canonical(
            (answer.question_id, answer.option_id) for answer in vote.answers.all()
        )
    assert sorted(vote_ballot.values()) == sorted(canonical(ballot) for ballot in ballots)

    digest_of = dict(Ballot.objects.values_list("pk", "code_digest"))
    card_features = [
        (normal(pk), values) for pk, values in system_columns(Ballot, set_up.station.pk)
    ]
    card_ballot = {
        card: canonical(card_ballot_by_digest[digest_of[int(card)]])
        for card, _values in card_features
    }
    vote_features = [(normal(pk), values) for pk, values in system_columns(Vote, set_up.station.pk)]
    vote_orders = orderings(vote_features, answer_row_order(set_up.station.pk))
    card_orders = orderings(card_features)
    # The idempotency records: one per card, in the order the cards were used.
    submissions = system_columns(ReceivedSubmission, set_up.station.pk)
    assert len(submissions) == VOTES
    used_order = [card for card, _values in sorted(card_features, key=lambda row: int(row[0]))]
    card_orders.append(used_order)

    best = best_pairing(vote_orders, card_orders, vote_ballot, card_ballot)
    joined = same_value_pairing(vote_features, card_features, vote_ballot, card_ballot)
    assert best <= MOST_CORRECT, best
    assert joined <= MOST_CORRECT, joined


@pytest.mark.django_db(transaction=True)
def test_before_counting_a_dump_of_the_database_holds_no_vote_content(settings):
    set_up = open_station_set_up(cards=20)
    ballots = distinct_ballots(set_up, 20)
    cast_through_the_api(set_up, ballots)

    dump = database_text()
    assert not VoteAnswer.objects.exists()
    assert not Vote.objects.filter(counted=True).exists()
    assert '"answers"' not in dump and '"option"' not in dump
    # The box's private key is in the dump only wrapped: without BALLOT_BOX_KEY it opens nothing.
    box = services.ensure_ballot_box(set_up.election)
    settings.BALLOT_BOX_KEY = "a stolen dump comes without the server's key"
    with pytest.raises(Refused):
        services.box_private_key(box)


def database_text():
    """Every row of every table as text, as a dump would hold it."""
    lines = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            lines.extend(
                " ".join(
                    bytes(value).hex() if isinstance(value, bytes | memoryview) else str(value)
                    for value in row
                )
                for row in cursor.fetchall()
            )
    return "\n".join(lines)
