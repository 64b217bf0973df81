"""A whole election day in a real browser, as the roles and never as a superuser.

An Organiser (real sign-in form) sets up an election from zero: a district, the election
(with its default age bands, 5–8 easy-read), two stations with their volunteers assigned in
the station form, and a question with an easy-read wording; opens it and both stations;
issues a 5,000-card batch. A volunteer of station A signs in, sees station A only, pairs a
tablet, and is refused station B. The board shows the organiser a silent tablet. After
closing, two volunteers of A type the paper counts (a mismatch first, then agreement) and
download the closing certificate and the help card; once the polls have closed everywhere
and the organiser has counted station A, a volunteer downloads its results sheet. axe checks
every admin screen on the way.

What the 5,000-card step proves, and what not: the batch is issued with the production task
backend (tasks wait in the database), so the organiser's request returns with the batch
waiting and no PDF; the worker then runs in a thread of this process. The drawing is held
after its first progress report until the test has loaded admin screens, so the admin is
shown answering *while a drawing is under way*, with the batch's progress on the list. It
does not measure how fast the admin answers meanwhile (no timed assertions), and the worker
here is a thread, not the separate process production runs.
"""

import re
import threading

import pytest
from django_tasks_db.management.commands import db_worker
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import ballots.tasks
from ballots.models import BallotBatch
from base.models import District
from base.tests.tasks import DATABASE_TASKS
from conftest import sign_in_as_organiser
from mock_elections.models import BallotQuestion, Election, PollingStation
from mock_elections.roles import VOLUNTEERS
from voting import services
from voting.models import PaperTally, StationTablet

PASSWORD = "brivpratigo-parole-2025"


def volunteer(username, name):
    user = get_user_model().objects.create_user(username, password=PASSWORD, first_name=name)
    user.groups.add(Group.objects.get(name=VOLUNTEERS))
    return user


def sign_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/", timeout=60_000)


def save(page):
    """Wagtail's own button: "Create" on a new object (not translated yet), "Saglabāt" after."""
    page.get_by_role("button", name=re.compile(r"^(Izveidot|Saglabāt)$")).click()


class HeldDrawing:
    """Lets the worker draw a batch, but holds it after its first progress report until the
    test has looked at the admin; then lets it finish."""

    def __init__(self, monkeypatch):
        self.started = threading.Event()
        self.release = threading.Event()
        real = ballots.tasks.batch_pdf

        def held(batch, note_progress):
            def note(cards):
                note_progress(cards)
                if not self.started.is_set() and cards >= ballots.tasks.PROGRESS_STEP:
                    self.started.set()
                    self.release.wait(timeout=300)

            return real(batch, note)

        monkeypatch.setattr(ballots.tasks, "batch_pdf", held)


def run_worker():
    """The task worker, in a thread: it takes the queued drawing, then stops."""
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    finally:
        connection.close()


# Wagtail fades its messages in (opacity over half a second); axe measures contrast against
# what is painted, so it waits until a message is fully shown.
MESSAGES_SHOWN = (
    "() => [...document.querySelectorAll('.messages > ul')]"
    ".every(list => getComputedStyle(list).opacity === '1')"
)


def fill_paper_counts(page, values):
    fields = page.locator("form input[type=number]")
    fields.first.wait_for()  # the paper form, not the page that linked to it
    for index in range(fields.count()):
        fields.nth(index).fill(str(values[index % len(values)]))
    page.get_by_role("button", name="Saglabāt skaitus").click()


@pytest.mark.django_db(transaction=True)
def test_a_whole_election_day_as_the_roles(
    live_server,
    browser_context_factory,
    signed_up_organiser,
    assert_accessible,
    settings,
    monkeypatch,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_TASKS
    base = live_server.url

    def accessible(page):
        page.wait_for_function(MESSAGES_SHOWN)
        assert_accessible(page)

    volunteer("anna", "Anna Paraudziņa")
    volunteer("bruno", "Bruno Paraugs")
    volunteer("cilda", "Cilda Meža")
    organiser = browser_context_factory().new_page()

    # The organiser signs in and sets up an election from zero.
    sign_in_as_organiser(organiser, live_server)
    accessible(organiser)
    organiser.goto(f"{base}/admin/districts/new/")
    accessible(organiser)
    # The demo's ten districts exist already (the page tree's fixtures load them): a new one.
    organiser.fill("#id_name", "Parauga apkaime")
    organiser.fill("#id_slug", "parauga-apkaime")
    save(organiser)
    organiser.wait_for_url(f"{base}/admin/districts/", timeout=60_000)
    district = District.objects.get(slug="parauga-apkaime")

    organiser.goto(f"{base}/admin/children_elections/new/")
    accessible(organiser)
    organiser.fill("#id_title", "Vēlēšanu diena pārlūkā")
    today = timezone.localdate()
    organiser.fill("#id_election_date", today.isoformat())
    organiser.fill("#id_voting_opens_at", f"{today.isoformat()} 00:01")
    organiser.fill("#id_voting_closes_at", f"{today.isoformat()} 23:58")
    organiser.fill("#id_results_release_at", f"{today.isoformat()} 23:59")
    organiser.keyboard.press("Escape")
    organiser.get_by_label("Parauga apkaime").check()
    # Wagtail makes the slug from the title once the title is left: ASCII, Latvian marks gone.
    expect(organiser.locator("#id_slug")).to_have_value("velesanu-diena-parluka")
    save(organiser)
    organiser.wait_for_url(f"{base}/admin/children_elections/", timeout=60_000)
    election = Election.objects.get(slug="velesanu-diena-parluka")
    young = election.age_bands.get(min_age=5)
    assert young.uses_easy_read

    for name, number, volunteers in [
        ("Jūras stacija", "701", ["Anna Paraudziņa (anna)", "Bruno Paraugs (bruno)"]),
        ("Meža stacija", "702", ["Cilda Meža (cilda)"]),
    ]:
        organiser.goto(f"{base}/admin/children_stations/new/")
        organiser.select_option("#id_election", str(election.pk))
        organiser.select_option("#id_district", str(district.pk))
        organiser.fill("#id_name", name)
        organiser.fill("#id_address", "Parauga iela 1, Liepāja")
        organiser.fill("#id_adult_precinct_number", number)
        organiser.fill("#id_adult_precinct_name", f"Parauga skola {number}")
        for label in volunteers:
            organiser.get_by_label(label).check()
        accessible(organiser)
        save(organiser)
        organiser.wait_for_url(f"{base}/admin/children_stations/", timeout=60_000)
    station_a = PollingStation.objects.get(name="Jūras stacija")
    station_b = PollingStation.objects.get(name="Meža stacija")
    assert sorted(station_a.desk_volunteers.values_list("username", flat=True)) == ["anna", "bruno"]
    assert list(station_b.desk_volunteers.values_list("username", flat=True)) == ["cilda"]

    organiser.goto(f"{base}/admin/ballot_questions/new/")
    organiser.select_option("#id_election", str(election.pk))
    organiser.fill("#id_text", "Vai skolas pagalmā vajag jaunu rotaļu laukumu?")
    organiser.fill("#id_options-0-label", "Jā")
    organiser.fill("#id_options-1-label", "Nē")
    organiser.locator("#id_easy_read_wordings-ADD").click()
    organiser.select_option("#id_easy_read_wordings-0-age_band", str(young.pk))
    organiser.fill("#id_easy_read_wordings-0-text", "Vai pie skolas vajag jaunas šūpoles?")
    accessible(organiser)
    save(organiser)
    organiser.wait_for_url(f"{base}/admin/ballot_questions/", timeout=60_000)
    question = BallotQuestion.objects.get(election=election)
    assert question.easy_read_wordings.get().age_band == young

    # Open the election and both stations, each confirmed.
    organiser.goto(f"{base}/admin/children_elections/overview/{election.pk}/")
    with organiser.expect_navigation():
        organiser.get_by_role("link", name="Atvērt vēlēšanas").click()
    accessible(organiser)
    organiser.get_by_role("button", name="Jā, atvērt vēlēšanas").click()
    expect(organiser.get_by_text("Vēlēšanas ir atvērtas.")).to_be_visible()
    organiser.get_by_label("Jūras stacija").check()
    organiser.get_by_label("Meža stacija").check()
    organiser.get_by_role("button", name="Atvērt atzīmētos iecirkņus").click()
    expect(organiser.locator("[data-station-status]")).to_have_text(["Atvērts", "Atvērts"])
    accessible(organiser)

    # A 5,000-card batch: the request only queues the drawing; the worker draws it while the
    # admin keeps answering.
    organiser.goto(f"{base}/admin/ballots/batches/new/")
    station_field = organiser.get_by_label("Polling station").or_(
        organiser.get_by_label("Iecirknis")
    )
    station_field.select_option(str(station_a.pk))
    organiser.get_by_label("Kartīšu skaits").fill("5000")
    accessible(organiser)
    organiser.get_by_role("button", name="Izsniegt partiju").click()
    organiser.wait_for_url(f"{base}/admin/ballots/batches/", timeout=60_000)
    batch = BallotBatch.objects.get(station=station_a)
    assert batch.print_state == BallotBatch.PrintState.WAITING and not batch.print_file
    expect(organiser.get_by_text("Gaida zīmēšanu")).to_be_visible()

    drawing = HeldDrawing(monkeypatch)
    # Only a process's main thread may set signal handlers; this worker is stopped by --batch.
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda worker: None)
    worker = threading.Thread(target=run_worker)
    worker.start()
    try:
        assert drawing.started.wait(timeout=120), "the worker never started drawing"
        organiser.reload()
        expect(organiser.get_by_text("Tiek zīmēts: ")).to_be_visible()
        accessible(organiser)
        organiser.goto(f"{base}/admin/station-tablets/{station_a.pk}/")
        expect(organiser.get_by_role("heading", name="Jūras stacija")).to_be_visible()
        assert BallotBatch.objects.get(pk=batch.pk).print_state == BallotBatch.PrintState.DRAWING
    finally:
        drawing.release.set()
        worker.join(timeout=600)
    batch.refresh_from_db()
    assert batch.print_state == BallotBatch.PrintState.READY and batch.print_progress == 5000
    assert batch.print_file.open("rb").read(4) == b"%PDF"
    organiser.goto(f"{base}/admin/ballots/batches/")
    expect(organiser.get_by_role("link", name="Lejupielādēt PDF")).to_be_visible()

    # A volunteer of station A signs in: their stations only, in Latvian.
    anna = browser_context_factory().new_page()
    sign_in(anna, base, "anna")
    stations = anna.locator("[data-my-stations]")
    expect(stations.get_by_role("link", name="Jūras stacija")).to_be_visible()
    assert "Meža stacija" not in anna.locator("body").inner_text()
    accessible(anna)
    stations.get_by_role("link", name="Jūras stacija").click()
    anna.wait_for_url(f"{base}/admin/station-tablets/{station_a.pk}/")
    accessible(anna)

    # …pairs the station's tablet (the station allows it by default)…
    anna.get_by_role("button", name="Parādīt jaunu savienošanas kodu").click()
    code = anna.locator("[data-pairing-code]").inner_text()
    accessible(anna)
    tablet, _token = services.pair_tablet(code, "Planšete A1")

    # …and is refused station B, without learning its name.
    response = anna.goto(f"{base}/admin/station-tablets/{station_b.pk}/")
    assert response.status == 403
    expect(anna.get_by_role("heading", name="Tas nav jūsu iecirknis")).to_be_visible()
    assert "Meža stacija" not in anna.content()
    accessible(anna)

    # The tablet falls silent while the station is open: the board tells the organiser.
    StationTablet.objects.filter(pk=tablet.pk).update(
        last_seen_at=timezone.now() - timezone.timedelta(minutes=15)
    )
    organiser.goto(f"{base}/admin/")
    board = organiser.locator("[data-election-day-board]")
    expect(board.get_by_text("Planšete „Planšete A1” klusē ilgāk par 10 minūtēm.")).to_be_visible()
    accessible(organiser)

    # Closing time: the organiser closes station A; two volunteers type the paper counts.
    organiser.goto(f"{base}/admin/children_elections/overview/{election.pk}/")
    organiser.get_by_label("Jūras stacija").check()
    organiser.get_by_role("button", name="Slēgt atzīmētos iecirkņus").click()
    expect(organiser.locator("[data-station-status]").first).to_have_text("Slēgts")

    anna.goto(f"{base}/admin/station-tablets/{station_a.pk}/")
    anna.get_by_role("link", name="Pirmā ievade").click()
    anna.wait_for_url(f"{base}/admin/station-tablets/{station_a.pk}/paper/1/")
    accessible(anna)
    fill_paper_counts(anna, [4, 3, 1])
    expect(anna.get_by_text("Papīra biļetenu skaits saglabāts.")).to_be_visible()

    bruno = browser_context_factory().new_page()
    sign_in(bruno, base, "bruno")
    bruno.goto(f"{base}/admin/station-tablets/{station_a.pk}/paper/2/")
    fill_paper_counts(bruno, [4, 2, 1])  # a slip on the second line
    expect(bruno.get_by_role("heading", name="Abas ievades atšķiras")).to_be_visible()
    assert not PaperTally.objects.filter(station=station_a).exists()
    accessible(bruno)
    bruno.get_by_role("link", name="Otrā ievade ✔").click()
    bruno.wait_for_url(f"{base}/admin/station-tablets/{station_a.pk}/paper/2/")
    fill_paper_counts(bruno, [4, 3, 1])
    accepted = "Abas ievades sakrīt: papīra biļetenu skaits pieņemts."
    expect(bruno.get_by_text(accepted)).to_be_visible()
    assert PaperTally.objects.filter(station=station_a).exists()
    accessible(bruno)

    # The certificate the volunteers sign.
    with bruno.expect_download() as download:
        bruno.get_by_role("link", name="Lejupielādēt slēgšanas aktu (PDF)").click()
    with open(download.value.path(), "rb") as certificate:
        assert certificate.read(4) == b"%PDF"

    # The volunteers' help card, from their own desk.
    bruno.goto(f"{base}/admin/station-tablets/{station_a.pk}/")
    with bruno.expect_download() as download:
        bruno.get_by_role("link", name="Palīdzības kartīte latviešu valodā (PDF)").click()
    with open(download.value.path(), "rb") as help_card:
        assert help_card.read(4) == b"%PDF"

    # 20:00, the polls close everywhere; the organiser counts station A, and its results
    # sheet is ready for the volunteers to post at the door.
    Election.objects.filter(pk=election.pk).update(
        voting_closes_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    organiser.goto(f"{base}/admin/station-tablets/{station_a.pk}/")
    # Judged on the page the count leads to, once there (its message fades in).
    with organiser.expect_navigation():
        organiser.get_by_role("button", name="Saskaitīt šo iecirkni").click()
    accessible(organiser)
    bruno.goto(f"{base}/admin/station-tablets/{station_a.pk}/")
    accessible(bruno)
    with bruno.expect_download() as download:
        bruno.get_by_role("link", name="Iecirkņa rezultātu lapa latviešu valodā (PDF)").click()
    with open(download.value.path(), "rb") as sheet:
        assert sheet.read(4) == b"%PDF"
