"""The official precinct file is checked in the organiser's request and written by the task
worker; the organiser's page follows the import, and the same file sent twice is imported
once."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from base.tests.tasks import DATABASE_TASKS, run_worker
from results import services, tasks
from results.models import PrecinctImport
from results.precinct_import import start_precinct_import
from results.tests.factories import AdultElectionFactory, PrecinctFactory

HEADER = "precinct_number,name,registered_voters,votes_cast\n"
GOOD_FILE = (HEADER + "701,Latviešu biedrības nams,1200,600\n702,Skola,900,300\n").encode()
OTHER_FILE = (HEADER + "701,Latviešu biedrības nams,1200,610\n").encode()


def queued_imports():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status="READY", task_path="results.tasks.import_precinct_rows"
    ).count()


def upload(client, election, content=GOOD_FILE, name="iecirkni.csv"):
    return client.post(
        reverse("results_import_precincts"),
        {"adult_election": election.pk, "file": SimpleUploadedFile(name, content)},
    )


def status_text(client, record):
    return client.get(reverse("results_precinct_import_status", args=[record.pk])).content.decode()


@pytest.fixture
def signed_in_organiser(client, organiser):
    client.force_login(organiser)
    return organiser


@pytest.mark.django_db(transaction=True)
def test_a_checked_file_waits_for_the_worker_which_writes_it_and_the_page_follows(
    client, signed_in_organiser, queued_tasks
):
    election = AdultElectionFactory(name="Pašvaldību vēlēšanas 2029")
    PrecinctFactory(adult_election=election, precinct_number="701", is_specially_designed=True)
    PrecinctFactory(adult_election=election, precinct_number="799")

    response = upload(client, election)

    record = PrecinctImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("results_precinct_import", args=[record.pk])
    assert record.state == PrecinctImport.State.WAITING and queued_imports() == 1
    assert set(election.precincts.values_list("precinct_number", flat=True)) == {"701", "799"}
    page = client.get(response["Location"]).content.decode()
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert "Gaida importēšanu" in page and 'data-import-finished="false"' in page

    run_worker()

    record.refresh_from_db()
    assert record.state == PrecinctImport.State.DONE and record.finished_at is not None
    assert (record.precincts_written, record.precincts_replaced) == (2, 2)
    rows = {p.precinct_number: p for p in election.precincts.all()}
    assert set(rows) == {"701", "702"} and rows["701"].is_specially_designed
    assert (rows["702"].registered_voters, rows["702"].votes_cast) == (900, 300)
    done = status_text(client, record)
    assert 'data-import-finished="true"' in done
    assert "Importēti 2 iecirkņi" in done and "iepriekšējo 2 vietā" in done
    assert "reģistrēto vēlētāju — 2100, nobalsojušo — 900" in done
    entry = ModelLogEntry.objects.get(action="results.turnout_imported")
    assert entry.user == signed_in_organiser and entry.data == {"precincts": 2}


@pytest.mark.django_db
def test_the_same_file_sent_again_while_waiting_or_done_is_that_import(
    client, signed_in_organiser, settings, django_capture_on_commit_callbacks
):
    election = AdultElectionFactory()
    settings.TASKS = DATABASE_TASKS  # nothing runs: the first import waits
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(client, election)
        again = upload(client, election, name="iecirkni (1).csv")
    assert first["Location"] == again["Location"] and PrecinctImport.objects.count() == 1
    assert queued_imports() == 1
    assert "jau bija nosūtīts" in client.get(again["Location"]).content.decode()

    record = PrecinctImport.objects.get()
    tasks.run_precinct_import(record.pk)
    with django_capture_on_commit_callbacks(execute=True):
        after_done = upload(client, election)
    assert after_done["Location"] == first["Location"] and PrecinctImport.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="results.turnout_imported").count() == 1


@pytest.mark.django_db
def test_a_file_sent_again_after_another_one_is_imported_again(
    client, signed_in_organiser, django_capture_on_commit_callbacks
):
    election = AdultElectionFactory()
    with django_capture_on_commit_callbacks(execute=True):  # the worker runs at once here
        upload(client, election)
        upload(client, election, OTHER_FILE)
        upload(client, election)
    assert PrecinctImport.objects.filter(state=PrecinctImport.State.DONE).count() == 3
    assert election.precincts.count() == 2


@pytest.mark.django_db
def test_a_wrong_file_is_refused_in_the_request_with_every_row_and_the_election_kept(
    client, signed_in_organiser
):
    election = AdultElectionFactory()
    long_name = "Ļ" * 201
    response = upload(
        client, election, (HEADER + f"701,A,10,50\n702,B,x,1\n703,{long_name},10,5\n").encode()
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "2. rinda: nobalsojušo (50) ir vairāk nekā reģistrēto vēlētāju (10)." in html
    assert "3. rinda" in html and "4. rinda: iecirkņa nosaukums ir garāks par 200 zīmēm" in html
    assert f'<option value="{election.pk}" selected>' in html
    assert not PrecinctImport.objects.exists() and not election.precincts.exists()


@pytest.mark.django_db
def test_a_write_the_database_refuses_fails_the_import_and_keeps_the_earlier_figures(
    client, signed_in_organiser, monkeypatch
):
    election = AdultElectionFactory()
    PrecinctFactory(adult_election=election, precinct_number="799")
    started = start_precinct_import(election, GOOD_FILE, "iecirkni.csv", by=signed_in_organiser)

    def broken_bulk_create(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.AdultPrecinctTurnout.objects, "bulk_create", broken_bulk_create)
    with pytest.raises(RuntimeError):
        tasks.run_precinct_import(started.record.pk)

    record = PrecinctImport.objects.get()
    assert record.state == PrecinctImport.State.FAILED
    assert list(election.precincts.values_list("precinct_number", flat=True)) == ["799"]
    assert "Datubāze nepieņēma skaitļus" in status_text(client, record)
    assert not ModelLogEntry.objects.filter(action="results.turnout_imported").exists()
    assert tasks.run_precinct_import(record.pk) == 0  # a failed import is never taken again


@pytest.mark.django_db
def test_an_import_whose_worker_stopped_fails_and_the_same_file_may_be_sent_again(
    signed_in_organiser,
):
    election = AdultElectionFactory()
    stalled = start_precinct_import(election, GOOD_FILE, "iecirkni.csv").record
    PrecinctImport.objects.filter(pk=stalled.pk).update(
        state=PrecinctImport.State.IMPORTING, created_at=timezone.now() - timedelta(hours=1)
    )
    again = start_precinct_import(election, GOOD_FILE, "iecirkni.csv")
    stalled.refresh_from_db()
    assert not again.sent_before and again.record.pk != stalled.pk
    assert stalled.failure == PrecinctImport.Failure.STALLED


@pytest.mark.django_db
def test_the_worker_tells_how_many_rows_it_has_written(monkeypatch):
    election = AdultElectionFactory()
    rows = [(str(700 + n), f"Iecirknis {n}", 100, 50) for n in range(5)]
    heard = []
    monkeypatch.setattr(services, "WRITE_STEP", 2)
    services.write_precinct_turnout(election, rows, note_progress=heard.append)
    assert heard == [2, 4, 5]

    record = start_precinct_import(election, GOOD_FILE, "iecirkni.csv").record
    record.state = PrecinctImport.State.IMPORTING
    cache.set(tasks.progress_key(record.pk), 1)
    assert tasks.written_so_far(record) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Editors", "Volunteers"])
def test_only_organisers_see_an_import(client, group):
    record = start_precinct_import(AdultElectionFactory(), GOOD_FILE, "iecirkni.csv").record
    user = get_user_model().objects.create_user(f"{group.lower()}-user", password="x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    for name in ("results_precinct_import", "results_precinct_import_status"):
        assert client.get(reverse(name, args=[record.pk])).status_code in (302, 403)
