import pytest

from django.urls import reverse

from ballots.codes import format_code
from ballots.models import Ballot, BallotBatch
from ballots.services import issue_ballots, spoil_ballot
from mock_elections.models import Election

from .factories import ElectionFactory, StationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def station():
    return StationFactory(name="Tosmares bērnu iecirknis")


def issue(admin_client, station, size, layout=8):
    return admin_client.post(
        reverse("ballots_batches:add"),
        {"station": station.pk, "size": size, "layout": layout},
        HTTP_ACCEPT_LANGUAGE="lv",
    )


def test_organiser_issues_a_batch(admin_client, admin_user, station):
    assert admin_client.get(reverse("ballots_batches:add")).status_code == 200
    response = issue(admin_client, station, 120, 10)
    assert response.status_code == 302
    batch = BallotBatch.objects.get()
    assert (batch.size, batch.layout, batch.created_by) == (120, 10, admin_user)
    assert batch.ballots.count() == 120
    listing = admin_client.get(reverse("ballots_batches:index")).content.decode()
    assert reverse("ballots_batches:pdf", args=[batch.pk]) in listing


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (0, "vismaz vienai kartītei"),
        (-3, "vismaz vienai kartītei"),
        (5001, "ne vairāk kā 5 000"),
        (10**7, "ne vairāk kā 5 000"),
        ("daudz", "Jāievada vesels skaitlis"),
    ],
)
def test_absurd_batch_sizes_are_refused_in_latvian(admin_client, station, size, message):
    response = issue(admin_client, station, size)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BallotBatch.objects.exists()


def test_a_batch_for_a_closed_election_is_refused(admin_client):
    station = StationFactory(election=ElectionFactory(status=Election.Status.CLOSED))
    response = issue(admin_client, station, 10)
    assert "ir slēgtas" in response.content.decode()
    assert not Ballot.objects.exists()


def test_pdf_and_print_view_of_a_batch(admin_client, station):
    batch = issue_ballots(station, 9)
    response = admin_client.get(reverse("ballots_batches:pdf", args=[batch.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "tosmares-bernu-iecirknis" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    page = admin_client.get(reverse("ballots_batches:print", args=[batch.pk])).content.decode()
    assert page.count("<svg") == 9
    for code in batch.codes():
        assert format_code(code) in page


def test_void_a_batch_from_the_admin(admin_client, station):
    batch = issue_ballots(station, 4)
    edit_url = reverse("ballots_batches:edit", args=[batch.pk])
    response = admin_client.post(edit_url, {"reason": ""})
    assert response.status_code == 200
    assert not BallotBatch.objects.get().is_void
    response = admin_client.post(edit_url, {"reason": "Kaste pazaudēta"})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.is_void and batch.void_reason == "Kaste pazaudēta"
    assert batch.ballots.filter(state=Ballot.State.VOID).count() == 4
    # A voided batch is not printed again.
    assert admin_client.get(reverse("ballots_batches:pdf", args=[batch.pk])).status_code == 302


def test_batches_cannot_be_deleted(admin_client, station):
    batch = issue_ballots(station, 2)
    response = admin_client.post(reverse("ballots_batches:delete", args=[batch.pk]))
    assert response.status_code in (302, 403)
    assert BallotBatch.objects.filter(pk=batch.pk).exists()


def test_accounting_report_and_exports(admin_client, station):
    codes = issue_ballots(station, 10).codes()
    spoil_ballot(station, codes[0], "Saplēsta")
    url = reverse("ballots_accounting:index")
    page = admin_client.get(url).content.decode()
    assert "Tosmares bērnu iecirknis" in page
    csv = b"".join(admin_client.get(url, {"export": "csv"}).streaming_content).decode()
    header, row = csv.strip().splitlines()[:2]
    assert header == (
        "Vēlēšanas,Iecirknis,Nodrukātas,Izmantotas,Sabojātas,Anulētas,Neizmantotas,"
        "Reģistrētās balsis,Nesakritība"
    )
    assert row.endswith("Tosmares bērnu iecirknis,10,0,1,0,9,0,Nē")
    xlsx = admin_client.get(url, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert b"".join(xlsx.streaming_content).startswith(b"PK")


def test_closing_certificate_numbers(admin_client, station):
    codes = issue_ballots(station, 5).codes()
    spoil_ballot(station, codes[1], "Nepareizi nodrukāta")
    page = admin_client.get(
        reverse("ballots_accounting:certificate", args=[station.pk]), HTTP_ACCEPT_LANGUAGE="lv"
    ).content.decode()
    assert "Nepareizi nodrukāta" in page
    assert "<td>5</td>" in page and "<td>4</td>" in page


def test_people_without_permission_get_no_cards(client, django_user_model, station):
    batch = issue_ballots(station, 2)
    user = django_user_model.objects.create_user("volunteer", password="x")
    client.force_login(user)
    for url in (
        reverse("ballots_batches:pdf", args=[batch.pk]),
        reverse("ballots_batches:print", args=[batch.pk]),
        reverse("ballots_accounting:certificate", args=[station.pk]),
    ):
        assert client.get(url).status_code in (302, 403)


def test_organiser_marks_a_returned_card_spoiled(admin_client, station):
    code = issue_ballots(station, 3).codes()[0]
    url = reverse("ballots_accounting:spoil")
    assert admin_client.get(url, {"station": station.pk}).status_code == 200
    refused = admin_client.post(
        url, {"station": station.pk, "code": "ABCD", "reason": "Saplēsta"}
    ).content.decode()
    assert "par īsu" in refused
    response = admin_client.post(
        url, {"station": station.pk, "code": format_code(code).lower(), "reason": "Saplēsta"}
    )
    assert response.status_code == 302
    assert Ballot.objects.get(state=Ballot.State.SPOILED).spoil_reason == "Saplēsta"
    again = admin_client.post(url, {"station": station.pk, "code": code, "reason": "Vēlreiz"})
    assert "sabojāta" in again.content.decode()
