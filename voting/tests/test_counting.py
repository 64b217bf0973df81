"""Counting the ballot box: exactly once, crash-safe, late syncs in the next count, tallies that
can be checked against the signed certificate, and a box key destroyed for good."""

import json

import pypdfium2
import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from base.refusals import Refused
from mock_elections import services as election_services
from results.services import mark_results
from voting import selectors, services
from voting.models import BallotBox, SealedVote, StationTally, Vote, VoteAnswer
from voting.pdf import closing_certificate_pdf
from voting.selectors import closing_summary

from .factories import close_and_count, vote_item

pytestmark = pytest.mark.django_db


def sync(set_up, codes, **options):
    items = [vote_item(set_up, code, **options) for code in codes]
    results = services.sync_votes(set_up.tablet, {"votes": items})
    assert {result["result"] for result in results} == {"recorded"}


def pdf_text(pdf):
    document = pypdfium2.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_counting_twice_never_doubles_and_a_late_sync_is_counted_next_time(station_set_up):
    before_closing = timezone.now()
    sync(station_set_up, station_set_up.codes[:3])
    assert close_and_count(station_set_up).counted == 3
    assert close_and_count(station_set_up).counted == 0
    assert Vote.objects.filter(counted=True).count() == 3
    # A tablet that was offline syncs a vote cast before the station closed.
    sync(station_set_up, station_set_up.codes[3:4], cast_at=before_closing, offline=True)
    assert Vote.objects.count() == 4 and Vote.objects.filter(counted=False).count() == 1
    assert close_and_count(station_set_up).counted == 1
    assert Vote.objects.filter(counted=True).count() == 4
    assert VoteAnswer.objects.count() == 8 and not SealedVote.objects.exists()


def test_a_crash_inside_the_count_loses_and_doubles_nothing(station_set_up, monkeypatch):
    sync(station_set_up, station_set_up.codes[:4])
    election_services.close_station(station_set_up.station, by=station_set_up.organiser)

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    # The last step inside the count's transaction fails: everything before it rolls back.
    monkeypatch.setattr("voting.services.counting.log", crash)
    with pytest.raises(RuntimeError):
        services.count_station(station_set_up.station, by=station_set_up.organiser)
    assert SealedVote.objects.count() == 4
    assert Vote.objects.filter(counted=False).count() == 4 and not VoteAnswer.objects.exists()
    monkeypatch.undo()
    assert services.count_station(station_set_up.station, by=None).counted == 4
    assert Vote.objects.filter(counted=True).count() == 4 and Vote.objects.count() == 4


def test_an_open_station_is_not_counted(station_set_up):
    sync(station_set_up, station_set_up.codes[:1])
    with pytest.raises(Refused) as refused:
        services.count_station(station_set_up.station, by=None)
    assert refused.value.reason == "station_not_closed"
    assert SealedVote.objects.count() == 1


def test_uncounted_stations_are_listed_for_the_results(station_set_up):
    sync(station_set_up, station_set_up.codes[:1])
    election = station_set_up.election
    assert selectors.stations_with_uncounted_votes(election) == [station_set_up.station]
    close_and_count(station_set_up)
    assert selectors.stations_with_uncounted_votes(election) == []


def test_the_box_key_is_destroyed_only_when_everything_is_counted(station_set_up):
    sync(station_set_up, station_set_up.codes[:1])
    election = station_set_up.election
    with pytest.raises(Refused) as refused:
        services.close_ballot_box(election, by=station_set_up.organiser)
    assert refused.value.reason == "votes_uncounted"
    close_and_count(station_set_up)
    call_command("close_ballot_box", str(election.pk))
    box = services.ensure_ballot_box(election)
    assert box.wrapped_private_key is None and box.destroyed_at is not None
    with pytest.raises(Refused) as refused:
        services.box_private_key(box)
    assert refused.value.reason == "box_destroyed"


def test_count_votes_command_counts_every_closed_station(station_set_up, capsys):
    sync(station_set_up, station_set_up.codes[:2])
    election_services.close_station(station_set_up.station, by=station_set_up.organiser)
    call_command("count_votes", station_set_up.election.slug)
    assert "2" in capsys.readouterr().out
    assert Vote.objects.filter(counted=True).count() == 2


def test_certificate_prints_the_digest_and_verify_results_catches_an_altered_vote(
    station_set_up,
):
    sync(station_set_up, station_set_up.codes[:3])
    election_services.close_station(station_set_up.station, by=station_set_up.organiser)
    waiting = pdf_text(closing_certificate_pdf(closing_summary(station_set_up.station)))
    assert "3" in waiting and selectors.station_tally_digest(station_set_up.station) not in waiting
    close_and_count(station_set_up)
    digest = StationTally.objects.get().digest
    assert digest == selectors.station_tally_digest(station_set_up.station)
    text = pdf_text(closing_certificate_pdf(closing_summary(station_set_up.station)))
    assert digest in text

    call_command("verify_results", str(station_set_up.election.pk))
    answer = VoteAnswer.objects.filter(question=station_set_up.everyone_question).first()
    other = next(o for o in station_set_up.everyone_options if o.pk != answer.option_id)
    VoteAnswer.objects.filter(pk=answer.pk).update(option=other)
    with pytest.raises(CommandError):
        call_command("verify_results", str(station_set_up.election.pk))


def test_organiser_types_the_certificate_digest_and_sees_match_or_mismatch(client, station_set_up):
    sync(station_set_up, station_set_up.codes[:2])
    close_and_count(station_set_up)
    client.force_login(station_set_up.organiser)
    desk = f"/admin/station-tablets/{station_set_up.station.pk}/"
    digest = selectors.station_tally_digest(station_set_up.station)
    page = client.post(desk + "digest/", {"digest": digest.lower()}, follow=True)
    assert "Sakrīt" in page.content.decode()
    page = client.post(desk + "digest/", {"digest": "00000-00000"}, follow=True)
    assert "Nesakrīt" in page.content.decode()
    page = client.post(desk + "digest/", {"digest": "xx"})
    assert page.status_code == 200 and 'value="xx"' in page.content.decode()


def test_count_button_on_the_desk_counts_and_reports(client, station_set_up):
    sync(station_set_up, station_set_up.codes[:2])
    election_services.close_station(station_set_up.station, by=station_set_up.organiser)
    client.force_login(station_set_up.organiser)
    desk = f"/admin/station-tablets/{station_set_up.station.pk}/"
    assert "Saskaitīt šo iecirkni" in client.get(desk).content.decode()
    page = client.post(desk + "count/", follow=True).content.decode()
    assert "Saskaitītas: 2" in page
    assert Vote.objects.filter(counted=True).count() == 2


@pytest.mark.parametrize(
    "name",
    [
        "A&B skola",
        "<b>Trekns</b>",
        "<para>skola",
        '<img src="/etc/passwd"/> skola',
        "<font size=60>",
    ],
)
def test_certificate_prints_what_was_typed_as_text(station_set_up, name):
    station = station_set_up.station
    station.name = name
    station.address = "Ielа 1 & 2"
    station.save()
    text = pdf_text(closing_certificate_pdf(closing_summary(station)))
    assert name in text.replace("\r", "").replace("\n", "")
    assert "Ielа 1 & 2" in text


def test_results_wait_until_every_station_is_counted_and_final_results_close_the_box(
    station_set_up, client
):
    set_up = station_set_up
    sync(set_up, set_up.codes[:2])
    election_services.close_election(set_up.election, set_up.organiser)
    set_up.election.results_release_at = timezone.now()
    set_up.election.save(update_fields=["results_release_at"])
    with pytest.raises(Refused) as refused:
        election_services.publish_results(set_up.election, set_up.organiser)
    assert refused.value.reason == "votes_uncounted"
    assert set_up.station.name in refused.value.message

    close_and_count(set_up)
    election_services.publish_results(set_up.election, set_up.organiser)
    mark_results(set_up.election, is_final=True, by=set_up.organiser)
    assert BallotBox.objects.get(election=set_up.election).wrapped_private_key is None

    # The open data lists the digest printed on the station's certificate.
    url = reverse("results_api:open_data", args=[set_up.election.slug, "results", "json"])
    published = json.loads(client.get(url).content)["station_digests"]
    assert published == [
        {
            "station_id": set_up.station.pk,
            "station": set_up.station.name,
            "digest": selectors.station_tally_digest(set_up.station),
        }
    ]
