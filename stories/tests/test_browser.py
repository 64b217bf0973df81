"""The communications team's story flow in a real browser, and the public story pages
checked with axe at phone and desktop sizes in both languages."""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale

from base.editorial import EDITORS, MODERATORS
from base.tests.factories import DistrictFactory
from conftest import DESKTOP, PHONE
from stories.models import StoryPage
from stories.tests.factories import StoryIndexPageFactory


def portrait_png():
    output = BytesIO()
    PILImage.new("RGB", (600, 600), (90, 120, 160)).save(output, format="PNG")
    return output.getvalue()


def upload_portrait_and_quote(admin):
    """On a story's edit form: upload Ģirts's portrait through the chooser, then the quote and
    the date of his consent, as an editor does."""
    admin.locator("#id_portrait-chooser .chooser__choose-button").click()
    admin.locator(".modal").get_by_role("tab", name="Augšupielādēt").click()
    admin.locator(".modal input[type=file]").set_input_files(
        {"name": "girts.png", "mimeType": "image/png", "buffer": portrait_png()}
    )
    admin.locator(".modal input[name$='title']").fill("Ģirta portrets")
    admin.locator(".modal form button[type=submit]").last.click()
    admin.wait_for_selector("#id_portrait-chooser:not(.blank)")
    admin.fill("#id_quote", "Drošība pilsētā sākas ar līdzdalību. Esmu klāt.")
    admin.fill("#id_consent_date", "2025-04-01")
    admin.keyboard.press("Escape")


def make_user(username, group_name):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.invalid", "parole-123"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "parole-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base_url + "/admin/")


def log_out(page, base_url):
    page.context.clear_cookies()


@pytest.mark.django_db(transaction=True)
def test_editor_writes_story_moderator_publishes_it_and_it_is_public_and_accessible(
    live_server, home_page, browser_context_factory, assert_accessible
):
    index = StoryIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    index.copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()
    karosta = DistrictFactory(name="Karosta", slug="karosta")
    DistrictFactory(name="Tosmare", slug="tosmare")
    make_user("redaktore", EDITORS)
    make_user("moderators", MODERATORS)
    base = live_server.url

    # The editor writes the story and submits it for approval.
    admin = browser_context_factory(viewport=DESKTOP).new_page()
    log_in(admin, base, "redaktore")
    admin.goto(f"{base}/admin/pages/add/stories/storypage/{index.pk}/")
    admin.fill("#id_title", "Ģirts: kāpēc es balsoju")
    admin.fill("#id_display_name", "Ģirts")
    admin.fill("#id_descriptor", "ugunsdzēsējs, 42")
    admin.select_option("#id_district", str(karosta.pk))
    upload_portrait_and_quote(admin)
    admin.select_option("#id_consent_method", "signed_form")
    admin.locator("footer [data-w-dropdown-target='toggle']").first.click()
    admin.locator("button[name='action-submit']").click()
    admin.wait_for_url(lambda url: "/add/" not in url)
    story = StoryPage.objects.get(display_name="Ģirts")
    assert not story.live and story.portrait.title == "Ģirta portrets"
    assert story.current_workflow_state.status == "in_progress"

    # The moderator approves it, which publishes it.
    log_out(admin, base)
    log_in(admin, base, "moderators")
    admin.goto(f"{base}/admin/pages/{story.pk}/edit/")
    admin.locator("footer [data-w-dropdown-target='toggle']").first.click()
    admin.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    admin.wait_for_load_state()
    story.refresh_from_db()
    assert story.live

    # The public sees it when filtering by its district; its share card is a square PNG.
    public = browser_context_factory(viewport=PHONE, has_touch=True).new_page()
    public.goto(f"{base}/stasti/")
    public.select_option("#filter-district", "karosta")
    public.get_by_role("button", name="Rādīt stāstus").click()
    public.wait_for_url("**rajons=karosta**")
    assert public.get_by_role("link", name="Ģirts").is_visible()
    card = public.request.get(f"{base}/stasti/{story.pk}/karte-1080x1080.png")
    assert card.ok and card.headers["content-type"] == "image/png"
    assert PILImage.open(BytesIO(card.body())).size == (1080, 1080)

    story.copy_for_translation(Locale.objects.get(language_code="en")).save_revision().publish()
    for viewport in (PHONE, DESKTOP):
        visitor = browser_context_factory(viewport=viewport).new_page()
        for path, language in (
            (f"/stasti/{story.slug}/", "lv"),
            ("/stasti/?rajons=karosta", "lv"),
            (f"/en/stasti/{story.slug}/", "en"),
            ("/en/stasti/", "en"),
        ):
            visitor.goto(base + path)
            assert visitor.locator("html").get_attribute("lang") == language
            assert visitor.get_by_text("Ģirts").first.is_visible()
            assert_accessible(visitor)


@pytest.mark.django_db(transaction=True)
def test_demo_campaign_pages_pass_axe_on_a_phone(
    live_server, home_page, browser_context_factory, assert_accessible
):
    from io import StringIO

    from stories import demo as stories_demo

    stories_demo.load(StringIO())
    visitor = browser_context_factory(viewport=PHONE, has_touch=True).new_page()
    for path in (
        "/",
        "/en/",
        "/par-kampanu/",
        "/ka-balsot/",
        "/bernu-velesanas/",
        "/stasti/?lapa=2",
        "/meklet/?q=balsoju",
        "/en/search/?q=vote",
    ):
        visitor.goto(live_server.url + path)
        assert_accessible(visitor)
    visitor.goto(live_server.url + "/ka-balsot/")
    assert visitor.get_by_role("heading", name="Kas jāņem līdzi").is_visible()
    assert visitor.get_by_text("Derīgu pasi vai personas apliecību").is_visible()
