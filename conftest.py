"""Fixtures every app's tests share: a real Chromium through Playwright, and axe-core."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls
# made by the test itself, although they are plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path():
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(autouse=True)
def nothing_remembered():
    """Start every test with an empty cache, and nothing a server process remembers: cached
    pages, settings, Wagtail's site lookups, a tablet or a ballot must never outlive the
    database rows they were made from."""
    from django.core.cache import cache

    from base.process_memo import forget_everything

    cache.clear()
    forget_everything()


@pytest.fixture(scope="session")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extras install it
        pytest.fail("Playwright is missing: run `make test`, which installs the test extras.")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session", autouse=True)
def browser_driver_before_the_database(request):
    """Start Playwright before the first test touches the database, when the session has
    browser tests. Starting it switches the session into another context, and Django keeps
    one database connection per context: the saved copy of the test database that refills it
    after each transactional test lived on the old connection and was lost (the next browser
    test then found no content types)."""
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("playwright_instance")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The saved copy of the test database, with its content types first. Refilling the
    database after a transactional test builds each saved row as a model instance, and
    Wagtail's pages and tasks look up their own content type while being built: with Django's
    cache of content types emptied (making permissions empties it) and the content types not
    yet restored, that lookup inserted a row of its own, and restoring the saved one then
    broke the unique (app, model) rule."""
    import json

    from django.db import connections

    for connection in connections.all():
        saved = getattr(connection, "_test_serialized_contents", None)
        if saved:
            rows = json.loads(saved)
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            connection._test_serialized_contents = json.dumps(rows)
    yield


@pytest.fixture
def queued_tasks(settings):
    """The production task backend: tasks wait in the database until the test runs the worker
    (base.tests.tasks.run_worker)."""
    from base.tests.tasks import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Latvian: a request to an English page leaves English active in
    the test's thread (the locale middleware activates a language and never resets it)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def missing_for_browser_tests(message):
    """Skip a browser test whose tool is missing on a developer's machine; in CI, fail."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " CI must run the browser tests.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(playwright_instance, request):
    executable = chromium_path()
    if executable is None:
        missing_for_browser_tests(
            "No Chromium found: install one with `apt-get install chromium` (Debian)."
        )
    browser = playwright_instance.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def browser_context_factory(browser):
    """Make contexts (viewport, locale, touch) and close them all after the test."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        options.setdefault("locale", "lv-LV")
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser_context_factory):
    return browser_context_factory().new_page()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


FINITE_ANIMATIONS_ENDED = """Promise.all(document.getAnimations()
    .filter(animation => animation.effect
        && Number.isFinite(animation.effect.getComputedTiming().endTime))
    .map(animation => animation.finished.catch(() => null)))"""


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fail listing each violation."""

    def check(page, context=None):
        # Wagtail's messages fade in: judge their colours once every animation that ends has
        # ended (a cancelled one counts as ended; an endless spinner is not waited for).
        page.evaluate(FINITE_ANIMATIONS_ENDED)
        results = axe.run(
            page,
            context=context,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        violations = results.response["violations"]
        details = [
            f"{violation['id']}: {violation['help']} -> "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"])
            for violation in violations
        ]
        assert not violations, (
            f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(details)
        )

    return check


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "live_server" in fixtures and "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        # A transactional test ends by emptying every table, including the rows that
        # migrations create (the page tree's root, the root collection, locales, groups).
        # Serialized rollback puts them back, so no test depends on which ran before it.
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction", False)
        if transactional or "live_server" in fixtures:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture
def home_page(db):
    """The campaign home page in Latvian (site root) with its English translation."""
    import io

    from base import demo as base_demo
    from home import demo as home_demo

    base_demo.load(io.StringIO())
    home_demo.load(io.StringIO())
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="lv")


@pytest.fixture
def organiser(db):
    """A user of the real Organisers group (never a superuser): the role an audit entry or a
    permission check is about."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("organiser", password="x")
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


@pytest.fixture
def roles_restored(transactional_db, request):
    """The real groups with their rights, as the migrations made them, for a live-server test
    that runs after another transactional test. That test's flush made the content types again
    under new ids (post_migrate), but not the admin-access permission Wagtail's own migration
    creates, and the model permissions were made with stale content types; the groups' rights
    would then depend on which tests ran before. Comes with the home page (its tree and
    collections are what the groups' rights are granted on)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from base.editorial import ensure_editorial_setup
    from editorial_admin.permissions import grant_communications_rights
    from mock_elections.roles import sync_roles
    from people.roles import grant_organisers

    ContentType.objects.clear_cache()
    admin, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=admin, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)
    request.getfixturevalue("home_page")  # the page tree and collections the groups' rights hang on
    ensure_editorial_setup(apps)
    grant_communications_rights(apps)
    sync_roles(apps)
    grant_organisers(apps)


ORGANISER_PASSWORD = "organisers-parole-2025"  # noqa: S105 - a test user's


@pytest.fixture
def signed_up_organiser(roles_restored):
    """A member of the real Organisers group, for tests that sign in through the login form."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("organisers", password=ORGANISER_PASSWORD)
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


def sign_in_as_organiser(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "organisers")
    page.fill("#id_password", ORGANISER_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
