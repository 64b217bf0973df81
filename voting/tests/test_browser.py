"""The station tablet in a real Chromium at tablet size with touch: pairing, the volunteer
PIN, voting by typed code and by camera, offline queueing and exactly-once sync, closing."""

import datetime
import io
import json
from collections import Counter

import pytest
import segno
from PIL import Image
from playwright.sync_api import expect

from django.conf import settings
from django.utils import timezone

from ballots.codes import format_code
from ballots.qr import ballot_payload
from ballots.selectors import offline_digest, offline_salt
from conftest import CHROMIUM_ARGS, TABLET, chromium_path, missing_for_browser_tests
from mock_elections.models import Election
from voting import selectors, services
from voting.models import StationTablet, Vote

from .factories import open_station_set_up

THANKS = "Paldies! Tava balss ir iemesta urnā."


def pair_and_unlock(page, live_server, set_up):
    _pairing, code = services.create_pairing_code(set_up.station, by=set_up.organiser)
    page.goto(live_server.url + "/iecirknis/")
    page.get_by_role("heading", name="Savieno šo planšeti ar iecirkni").wait_for()
    return code


def vote_with_code(page, code, answers=(0, 0), wait_for_next_child=True):
    page.get_by_label("…vai ieraksti kodu no kartītes").fill(code)
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="9–12 gadi").click()
    for answer in answers:
        page.locator("#question-options .choice").nth(answer).click()
        page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Jā, šī ir mana balss").click()
    page.get_by_role("heading", name=THANKS).wait_for()
    if wait_for_next_child:
        next_child(page)


def next_child(page):
    page.get_by_role("button", name="Izlaist").click()  # the smiley question
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for()


@pytest.mark.django_db(transaction=True)
def test_volunteer_and_children_run_a_station_on_a_tablet(
    live_server, browser_context_factory, assert_accessible
):
    set_up = open_station_set_up(cards=10, open_station=False)
    context = browser_context_factory(viewport=TABLET, has_touch=True)
    page = context.new_page()

    # Pair the tablet with the one-time code from the admin.
    code = pair_and_unlock(page, live_server, set_up)
    assert_accessible(page)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_label("Planšetes nosaukums").fill("Planšete 2")
    page.get_by_role("button", name="Savienot", exact=True).click()

    # Open the station with the PIN.
    page.get_by_role("heading", name="Tikai brīvprātīgajiem").wait_for()
    assert_accessible(page)
    page.get_by_label("Iecirkņa PIN").fill("1111")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_text("Nepareizs PIN.").wait_for()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("heading", name="Brīvprātīgo izvēlne").wait_for()
    page.get_by_role("button", name="Atvērt iecirkni").click()
    page.get_by_text("Iecirknis: atvērts").wait_for()
    assert_accessible(page)
    # A pause shows the children a pause screen until a volunteer resumes.
    page.get_by_role("button", name="Apturēt balsošanu").click()
    page.get_by_role("button", name="Atsākt balsošanu").wait_for()
    page.get_by_role("button", name="Aizslēgt").click()
    page.get_by_role("heading", name="Balsošana uz brīdi apturēta").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Brīvprātīgajiem").click()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="Atsākt balsošanu").click()
    expect(page.locator("#menu-status")).to_have_text("Iecirknis: atvērts")
    page.get_by_role("button", name="Sākt balsošanu").click()

    # A child votes with a typed code, changing one answer before confirming.
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for()
    assert_accessible(page)
    page.get_by_label("…vai ieraksti kodu no kartītes").fill(set_up.codes[0])
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("heading", name="Cik tev gadu?").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="9–12 gadi").click()
    page.get_by_text("1. jautājums no 2").wait_for()
    assert_accessible(page)
    options = page.locator("#question-options .choice")
    assert options.count() == 3  # two options and “I don't know”
    options.nth(0).click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_text("2. jautājums no 2").wait_for()
    assert page.locator("#question-options .choice").count() == 2  # no “I don't know” here
    page.locator("#question-options .choice").nth(1).click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("heading", name="Vai šī ir tava izvēle?").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Mainīt atbildi").first.click()
    page.locator("#question-options .choice").nth(2).click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Jā, šī ir mana balss").click()
    page.get_by_role("heading", name=THANKS).wait_for()
    assert_accessible(page)
    expect(page.locator("#sync-status")).to_contain_text("Visas balsis sinhronizētas")
    assert Vote.objects.count() == 1

    # Back to the scan screen by itself (after the smiley question, unanswered); the same
    # card is turned away.
    page.get_by_role("heading", name="Kā tev patika balsot?").wait_for()
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for(
        timeout=30_000
    )
    page.get_by_label("…vai ieraksti kodu no kartītes").fill(set_up.codes[0])
    page.get_by_role("button", name="Turpināt").click()
    expect(page.locator("[data-screen=scan] [data-error]")).to_contain_text(
        "Ar šo kartīti jau ir nobalsots"
    )

    # Offline: three votes wait in the tablet, then sync exactly once.
    sync_requests = []
    page.on(
        "request",
        lambda request: (
            sync_requests.append(request) if request.url.endswith("/api/tablet/sync/") else None
        ),
    )
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    for card in set_up.codes[1:4]:
        vote_with_code(page, card)
    expect(page.locator("#sync-status")).to_contain_text("3 balsis gaida sinhronizāciju")
    assert Vote.objects.count() == 1
    # The app itself comes from the service worker's cache: a reload offline keeps voting.
    page.reload()
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for()
    expect(page.locator("#sync-status")).to_contain_text("3 balsis gaida sinhronizāciju")
    context.set_offline(False)
    expect(page.locator("#sync-status")).to_contain_text(
        "Visas balsis sinhronizētas", timeout=20_000
    )
    assert Vote.objects.count() == 4

    # Replaying the same sync request counts nothing new.
    sent = [request for request in sync_requests if json.loads(request.post_data)["votes"]]
    replayed = page.request.post(sent[-1].url, data=sent[-1].post_data, headers=sent[-1].headers)
    assert replayed.ok
    assert {result["result"] for result in replayed.json()["results"]} == {"duplicate"}
    assert Vote.objects.count() == 4

    # Close the station (PIN again) and download the certificate.
    page.get_by_role("button", name="Brīvprātīgajiem").click()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_text("Kopā: 4").wait_for()
    page.get_by_role("button", name="Atzīmēt sabojātu biļetenu").click()
    assert_accessible(page)
    page.get_by_label("Kods uz kartītes").fill(set_up.codes[9])
    page.get_by_label("Iemesls").fill("Kartīte saplēsta")
    page.get_by_role("button", name="Atzīmēt kā sabojātu").click()
    page.get_by_text("Biļetens atzīmēts kā sabojāts.").wait_for()
    page.get_by_role("button", name="Slēgt iecirkni").click()
    page.get_by_text("Pēc slēgšanas šajā iecirknī vairs nevar balsot").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Jā, slēgt iecirkni").click()
    page.get_by_text("Iecirknis: slēgts").wait_for()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Lejupielādēt slēgšanas aktu").click()
    with open(download_info.value.path(), "rb") as certificate:
        assert certificate.read(5) == b"%PDF-"
    page.get_by_role("button", name="Aizslēgt").click()
    page.get_by_role("heading", name="Šis iecirknis ir slēgts").wait_for()
    assert_accessible(page)

    # Counting opens the ballot box: the first child's changed answer is there, sealed all along.
    services.count_station(set_up.station, by=set_up.organiser)
    everyone, older = set_up.everyone_options, set_up.older_options
    first_child = {(set_up.everyone_question.pk, None), (set_up.older_question.pk, older[1].pk)}
    others = {
        (set_up.everyone_question.pk, everyone[0].pk),
        (set_up.older_question.pk, older[0].pk),
    }
    counted = Counter(
        frozenset(vote.answers.values_list("question", "option")) for vote in Vote.objects.all()
    )
    assert counted == Counter({frozenset(first_child): 1, frozenset(others): 3})


def mjpeg_of_qr(text, path, frames=30):
    """A fake camera feed: the card's QR code on a white frame, as Motion JPEG."""
    symbol = io.BytesIO()
    segno.make(text, error="m").save(symbol, kind="png", scale=8, border=4)
    qr = Image.open(symbol).convert("RGB")
    frame = Image.new("RGB", (640, 480), "white")
    frame.paste(qr, ((640 - qr.width) // 2, (480 - qr.height) // 2))
    with open(path, "wb") as feed:
        for _frame in range(frames):
            frame.save(feed, format="JPEG", quality=90)


@pytest.fixture
def camera_browser(playwright_instance, tmp_path, request):
    """A separate Chromium whose camera shows the file the test names (fake capture)."""
    executable = chromium_path()
    if executable is None:
        missing_for_browser_tests(
            "No Chromium found: install one with `apt-get install chromium` (Debian)."
        )
    if not (settings.BASE_DIR / "node_modules" / "jsqr").is_dir():
        missing_for_browser_tests("jsQR is not installed: run `make frontend` (needs npm).")
    launched = []

    def launch(video_path):
        browser = playwright_instance.chromium.launch(
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS
            + [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={video_path}",
            ],
        )
        launched.append(browser)
        return browser

    yield launch
    for browser in launched:
        browser.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_children_vote_with_the_camera_and_a_handheld_scanner(
    live_server, camera_browser, tmp_path, assert_accessible
):
    set_up = open_station_set_up(cards=2)
    video = tmp_path / "card.mjpeg"
    mjpeg_of_qr(ballot_payload(set_up.codes[0]), video)
    browser = camera_browser(video)
    context = browser.new_context(viewport=TABLET, has_touch=True, locale="lv-LV")
    context.grant_permissions(["camera"])
    context.set_default_timeout(15_000)
    page = context.new_page()

    code = pair_and_unlock(page, live_server, set_up)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="Sākt balsošanu").click()

    # The camera reads the card: the age question appears without typing anything.
    page.get_by_role("heading", name="Cik tev gadu?").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="5–8 gadi").click()
    page.locator("#question-options .choice").first.click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Jā, šī ir mana balss").click()
    page.get_by_role("heading", name=THANKS).wait_for()
    page.get_by_role("button", name="Izlaist").click()  # the smiley question

    # A handheld scanner types the second card's QR text and Enter, with no field focused.
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for()
    page.keyboard.type(ballot_payload(set_up.codes[1]))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Cik tev gadu?").wait_for()
    page.get_by_role("button", name="5–8 gadi").click()
    page.locator("#question-options .choice").first.click()
    page.get_by_role("button", name="Tālāk").click()
    page.get_by_role("button", name="Jā, šī ir mana balss").click()
    page.get_by_role("heading", name=THANKS).wait_for()
    expect(page.locator("#sync-status")).to_contain_text("Visas balsis sinhronizētas")
    assert Vote.objects.filter(age_band=set_up.young).count() == 2
    context.close()


# Everything the tablet's browser keeps for this site: IndexedDB (every database, store, key
# and record), localStorage, sessionStorage and Cache Storage (every cached response's text).
READ_BROWSER_STORAGE = """async () => {
    const read = (db, name) => new Promise((resolve, reject) => {
        const transaction = db.transaction(name);
        const store = transaction.objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        transaction.oncomplete = () => resolve(
            keys.result.map((key, i) => [key, values.result[i]])
        );
        transaction.onerror = () => reject(transaction.error);
    });
    const dump = {
        indexedDB: {}, caches: {},
        localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage },
    };
    for (const info of await indexedDB.databases()) {
        const db = await new Promise((resolve, reject) => {
            const request = indexedDB.open(info.name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
        dump.indexedDB[info.name] = {};
        for (const name of db.objectStoreNames) {
            dump.indexedDB[info.name][name] = await read(db, name);
        }
        db.close();
    }
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        dump.caches[name] = {};
        for (const request of await cache.keys()) {
            dump.caches[name][request.url] = await (await cache.match(request)).text();
        }
    }
    return dump;
}"""
QUEUED_VOTE_FIELDS = {"client_id", "token", "station", "code", "cast_at", "offline", "age_band"}


def browser_storage(page):
    return page.evaluate(READ_BROWSER_STORAGE)


def queued_votes(storage):
    return [record for _key, record in storage["indexedDB"]["tavabalss-tablet"]["queue"]]


def assert_no_plain_answers(storage):
    """Answers exist in the browser only sealed: no record holds answers, questions or options
    of a ballot, and no API answer is cached."""
    kept = json.dumps([storage["indexedDB"], storage["localStorage"], storage["sessionStorage"]])
    for key in ('"answers"', '"answer"', '"question"', '"option"'):
        assert key not in kept
    for vote in queued_votes(storage):
        assert set(vote) == QUEUED_VOTE_FIELDS | {"sealed"}
        assert set(vote["sealed"]) == {"v", "epk", "iv", "ct"}
        assert vote["cast_at"].endswith(":00.000Z")  # to the minute
    for urls in storage["caches"].values():
        assert not [url for url in urls if "/api/" in url]


def assert_no_trace_of_cards(storage, codes, salt):
    """Neither the code (in any form) nor the offline-list digest of any card remains."""
    kept = json.dumps(storage).upper()
    for code in codes:
        for form in (code, format_code(code), offline_digest(salt, code).upper()):
            assert form not in kept, form


def unlock_and_start(page, code, pin="2025"):
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_label("Iecirkņa PIN").fill(pin)
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="Sākt balsošanu").click()
    page.get_by_role("heading", name="Parādi savu biļetena kartīti kamerai").wait_for()


@pytest.fixture
def tablet_on_disk(playwright_instance, tmp_path):
    """A tablet browser whose profile is written to disk, so a test can read the files
    Chromium keeps (deleted records included, until its storage compacts them)."""
    executable = chromium_path()
    if executable is None:
        missing_for_browser_tests(
            "No Chromium found: install one with `apt-get install chromium` (Debian)."
        )
    profile = tmp_path / "profile"
    context = playwright_instance.chromium.launch_persistent_context(
        str(profile),
        executable_path=executable,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=TABLET,
        has_touch=True,
        locale="lv-LV",
    )
    context.set_default_timeout(10_000)
    closed = []
    context.on("close", lambda _context: closed.append(True))
    yield context, profile / "Default"
    if not closed:
        context.close()


def site_storage_files(profile):
    """Every byte of the site's IndexedDB, localStorage and sessionStorage files."""
    folders = ("IndexedDB", "Local Storage", "Session Storage")
    files = [path for folder in folders for path in (profile / folder).rglob("*")]
    return b"".join(path.read_bytes() for path in files if path.is_file())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_tablet_keeps_only_sealed_votes_and_forgets_cards_once_synced(
    live_server, tablet_on_disk, assert_accessible
):
    set_up = open_station_set_up(cards=6)
    context, profile = tablet_on_disk
    page = context.new_page()
    unlock_and_start(page, pair_and_unlock(page, live_server, set_up))
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    salt = offline_salt(set_up.station)

    # Online: the vote is sealed, synced, and then nothing of it is left.
    vote_with_code(page, set_up.codes[0])
    expect(page.locator("#sync-status")).to_contain_text("Visas balsis sinhronizētas")
    storage = browser_storage(page)
    assert_no_plain_answers(storage)
    assert_no_trace_of_cards(storage, set_up.codes[:1], salt)

    # Offline: right after confirming, the queue holds the sealed vote and its card only.
    context.set_offline(True)
    for number, card in enumerate(set_up.codes[1:3], start=1):
        vote_with_code(page, card, wait_for_next_child=False)
        assert_accessible(page)
        storage = browser_storage(page)
        assert_no_plain_answers(storage)
        assert sorted(vote["code"] for vote in queued_votes(storage)) == sorted(
            set_up.codes[1 : number + 1]
        )
        next_child(page)
    expect(page.locator("#sync-status")).to_contain_text("2 balsis gaida sinhronizāciju")

    # Back online: the queue drains, and no card code or digest of a voted card remains.
    context.set_offline(False)
    expect(page.locator("#sync-status")).to_contain_text(
        "Visas balsis sinhronizētas", timeout=20_000
    )
    storage = browser_storage(page)
    assert queued_votes(storage) == []
    assert_no_plain_answers(storage)
    assert_no_trace_of_cards(storage, set_up.codes[:3], salt)
    assert selectors.station_counter(set_up.station)["total"] == 3

    # Not even the browser's files on disk ever held a plain answer (sealed from the start).
    context.close()
    on_disk = site_storage_files(profile)
    assert b"offline_check" in on_disk  # the files are read: the cached bundle is there
    assert b"answers" not in on_disk


@pytest.mark.django_db(transaction=True)
def test_a_revoked_tablet_says_why_and_sends_its_votes_once_paired_again(
    live_server, browser_context_factory, assert_accessible
):
    set_up = open_station_set_up(cards=4)
    context = browser_context_factory(viewport=TABLET, has_touch=True)
    page = context.new_page()
    unlock_and_start(page, pair_and_unlock(page, live_server, set_up))
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    vote_with_code(page, set_up.codes[0])
    expect(page.locator("#sync-status")).to_contain_text("1 balss gaida sinhronizāciju")

    # The organiser revokes the tablet; when the network is back the tablet says why.
    tablet = StationTablet.objects.filter(station=set_up.station).latest("pk")
    services.revoke_tablet(tablet, by=set_up.organiser)
    context.set_offline(False)
    page.get_by_role("heading", name="Savieno šo planšeti ar iecirkni").wait_for(timeout=20_000)
    expect(page.locator("[data-screen=pair] [data-error]")).to_have_text(
        "Šī planšete nav savienota ar iecirkni vai tai piekļuve atsaukta."
    )
    expect(page.get_by_label("Savienošanas kods")).to_have_value("")
    expect(page.locator("#sync-status")).to_contain_text("1 balss gaida sinhronizāciju")
    assert_accessible(page)

    # Paired again with a new code: the waiting vote goes out without a reload.
    _pairing, code = services.create_pairing_code(set_up.station, by=set_up.organiser)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_role("heading", name="Tikai brīvprātīgajiem").wait_for()
    expect(page.locator("#sync-status")).to_contain_text(
        "Visas balsis sinhronizētas", timeout=20_000
    )
    assert selectors.station_counter(set_up.station)["total"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_card_after_the_closing_time_is_turned_away_with_the_reason(
    live_server, browser_context_factory, assert_accessible
):
    set_up = open_station_set_up(cards=2)
    page = browser_context_factory(viewport=TABLET, has_touch=True).new_page()
    unlock_and_start(page, pair_and_unlock(page, live_server, set_up))
    # The closing time passes; the volunteers have not closed the station yet.
    Election.objects.filter(pk=set_up.election.pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page.get_by_label("…vai ieraksti kodu no kartītes").fill(set_up.codes[0])
    page.get_by_role("button", name="Turpināt").click()
    expect(page.locator("[data-screen=scan] [data-error]")).to_have_text(
        "Balsošana šajā iecirknī ir beigusies."
    )
    assert_accessible(page)
    assert not Vote.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_tablet_moved_to_another_station_loses_none_of_its_waiting_votes(
    live_server, browser_context_factory, assert_accessible
):
    first = open_station_set_up(cards=3)
    second = open_station_set_up(cards=3)
    context = browser_context_factory(viewport=TABLET, has_touch=True)
    page = context.new_page()
    unlock_and_start(page, pair_and_unlock(page, live_server, first))

    # Two votes wait: the network lets nothing through to sync/ until the tablet has moved.
    moved = []
    page.on("response", lambda response: moved.append(1) if "/pair/" in response.url else None)
    page.route("**/api/tablet/sync/", lambda route: route.continue_() if moved else route.abort())
    for card in first.codes[:2]:
        vote_with_code(page, card)
    expect(page.locator("#sync-status")).to_contain_text("2 balsis gaida sinhronizāciju")

    # A volunteer pairs the tablet with the second station.
    page.get_by_role("button", name="Brīvprātīgajiem").click()
    page.get_by_label("Iecirkņa PIN").fill("2025")
    page.get_by_role("button", name="Turpināt").click()
    page.get_by_role("button", name="Savienot ar citu iecirkni").click()
    expect(page.get_by_label("Savienošanas kods")).to_have_value("")
    assert_accessible(page)
    _pairing, code = services.create_pairing_code(second.station, by=second.organiser)
    page.get_by_label("Savienošanas kods").fill(code)
    page.get_by_role("button", name="Savienot", exact=True).click()
    page.get_by_role("heading", name="Tikai brīvprātīgajiem").wait_for()
    expect(page.locator("#station-name")).to_have_text(second.station.name)

    # Both votes reach the first station, under the first station's pairing.
    expect(page.locator("#sync-status")).to_contain_text(
        "Visas balsis sinhronizētas", timeout=20_000
    )
    assert selectors.station_counter(first.station)["total"] == 2
    assert selectors.station_counter(second.station)["total"] == 0
