"""A reader shares a story in a real browser: the device's share sheet where there is one,
otherwise copying the link; and the story pages pass every axe rule (best practices too)
at phone, tablet and desktop widths in both languages, never wider than the screen."""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images.models import Image
from wagtail.models import Locale, Page

from stories.tests.factories import StoryIndexPageFactory, StoryPageFactory

WIDTHS = (320, 390, 768, 1280)
NO_WEB_SHARE = "Object.defineProperty(Navigator.prototype, 'share', {value: undefined});"
STUB_WEB_SHARE = """
Object.defineProperty(Navigator.prototype, 'share', {
    value: function (data) { window.sharedWith = data; return Promise.resolve(); },
});
"""
REFUSED_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', {
    get: function () {
        return {writeText: function () { return Promise.reject(new Error('denied')); }};
    },
});
document.execCommand = function (command) {
    var field = document.activeElement;
    var selected = field.value.slice(field.selectionStart, field.selectionEnd);
    window.copiedBySelection = [command, selected];
    return true;
};
"""


def portrait():
    output = BytesIO()
    PILImage.new("RGB", (1200, 900), (90, 120, 160)).save(output, format="PNG")
    return ImageFile(output, name="portrets.png")


@pytest.fixture
def story(home_page, karosta):
    """A published story with a portrait, a body and its English translation, on an index
    whose call to vote leads to the how-to-vote page."""
    english = Locale.objects.get(language_code="en")
    index = StoryIndexPageFactory(parent=home_page, vote_page=Page.objects.get(slug="ka-balsot"))
    index.save_revision().publish()
    index.copy_for_translation(english).save_revision().publish()
    image = Image.objects.create(title="Portrets", file=portrait())
    made = []
    for number, name in enumerate(("Ilze", "Mārtiņš", "Agnese")):
        story = StoryPageFactory(
            parent=index,
            title=f"{name}: kāpēc es balsoju",
            slug=f"stasts-{number}",
            display_name=name,
            district=karosta,
            portrait=image,
            featured=number == 0,
            quote="Drošība pilsētā sākas ar līdzdalību. Esmu klāt.",
            body=[("text", "<p>Liepājā dzīvoju kopš bērnības.</p>")],
        )
        story.save_revision().publish()
        story.tags.add("drošība")
        story.save_revision().publish()
        story.copy_for_translation(english).save_revision().publish()
        made.append(story)
    return made[0]


def open_story(browser_context_factory, live_server, story, init_script, **options):
    context = browser_context_factory(**options)
    context.add_init_script(init_script)
    page = context.new_page()
    page.goto(live_server.url + story.url)
    return page


@pytest.mark.django_db(transaction=True)
def test_without_web_share_the_reader_copies_the_link(live_server, story, browser_context_factory):
    page = open_story(
        browser_context_factory,
        live_server,
        story,
        NO_WEB_SHARE,
        permissions=["clipboard-read", "clipboard-write"],
    )
    assert page.get_by_role("button", name="Dalīties…").is_hidden()
    page.get_by_role("button", name="Kopēt saiti").click()
    page.get_by_role("status").filter(has_text="Saite nokopēta.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + story.url

    # Where the Clipboard API refuses, the link is selected and the browser's copy command used.
    page = open_story(browser_context_factory, live_server, story, NO_WEB_SHARE + REFUSED_CLIPBOARD)
    page.get_by_role("button", name="Kopēt saiti").click()
    page.get_by_role("status").filter(has_text="Saite nokopēta.").wait_for()
    assert page.evaluate("window.copiedBySelection") == ["copy", live_server.url + story.url]


@pytest.mark.django_db(transaction=True)
def test_with_web_share_the_device_share_sheet_gets_the_story(
    live_server, story, browser_context_factory
):
    page = open_story(browser_context_factory, live_server, story, STUB_WEB_SHARE)
    page.get_by_role("button", name="Dalīties…").click()
    page.wait_for_function("window.sharedWith !== undefined")
    shared = page.evaluate("window.sharedWith")
    assert shared["url"] == live_server.url + story.url
    assert shared["title"] == "Ilze: kāpēc es balsoju"
    assert "Drošība pilsētā sākas ar līdzdalību." in shared["text"]
    assert page.get_by_role("button", name="Kopēt saiti").is_visible()


def check_hero_and_touch_targets(page, width):
    """The quote larger than the title beside a large portrait, the name once, and every
    share and vote control at least 44 px high."""
    title_size = page.locator("h1").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    quote = page.locator(".story__quote blockquote p")
    assert quote.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") > 1.4 * title_size
    assert page.locator(".story__portrait img").bounding_box()["width"] >= min(width - 40, 300)
    title = page.locator("h1").inner_text()
    assert title.startswith("Ilze")
    # The title names Ilze, so the caption does not again.
    assert "Ilze" not in page.locator(".story__quote figcaption").inner_text()
    targets = page.locator(".story-share a:visible, .story-share button:visible, .story-vote a")
    assert targets.count() >= 6
    for number in range(targets.count()):
        assert targets.nth(number).bounding_box()["height"] >= 44


@pytest.mark.django_db(transaction=True)
def test_story_pages_pass_every_axe_rule_and_fit_the_screen_at_every_width(
    live_server, story, browser_context_factory, assert_accessible_all_rules
):
    paths = ("/stasti/", story.url, "/en/stasti/", f"/en/stasti/{story.slug}/")
    for width in WIDTHS:
        page = browser_context_factory(viewport={"width": width, "height": 900}).new_page()
        for path in paths:
            page.goto(live_server.url + path)
            assert_accessible_all_rules(page)
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"{path} is {overflow} px wide at {width} px"
            if path != "/stasti/" and path != "/en/stasti/":
                check_hero_and_touch_targets(page, width)
    page.goto(live_server.url + story.url)
    assert page.get_by_role("link", name="Kā un kur balsot").get_attribute("href") == "/ka-balsot/"
