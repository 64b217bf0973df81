"""Share cards, posters, the feed, the sitemap and search, as a visitor fetches them."""

from io import BytesIO
from xml.etree import ElementTree

import pypdfium2
import pytest
from PIL import Image as PILImage

from django.core.cache import cache

from wagtail.models import Locale

from stories.tests.factories import PortraitFactory, StoryPageFactory


@pytest.fixture
def story(story_index, karosta, publish):
    return publish(
        StoryPageFactory(
            parent=story_index,
            district=karosta,
            display_name="Ģirts",
            quote="Es balsoju, lai Karostā būtu gaišas ielas.",
            portrait=PortraitFactory(),
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("size, expected", [("1080x1080", (1080, 1080)), ("1200x630", (1200, 630))])
def test_share_card_is_served_at_a_stable_address(client, story, size, expected):
    response = client.get(f"/stasti/{story.pk}/karte-{size}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert PILImage.open(BytesIO(response.content)).size == expected
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
def test_share_card_is_redrawn_when_the_story_changes(client, story, publish):
    cache.clear()
    first = client.get(f"/stasti/{story.pk}/karte-1080x1080.png")
    assert client.get(f"/stasti/{story.pk}/karte-1080x1080.png").content == first.content
    story.quote = "Es balsoju, jo man rūp kaimiņi."
    publish(story)
    second = client.get(f"/stasti/{story.pk}/karte-1080x1080.png")
    assert second.content != first.content
    assert second["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_share_card_of_unknown_size_draft_or_missing_story_is_404(client, story, story_index):
    draft = StoryPageFactory(parent=story_index, district=story.district, live=False)
    assert client.get(f"/stasti/{story.pk}/karte-10x10.png").status_code == 404
    assert client.get(f"/stasti/{draft.pk}/karte-1080x1080.png").status_code == 404
    assert client.get("/stasti/999999/karte-1080x1080.png").status_code == 404


@pytest.mark.django_db
def test_poster_is_an_a4_pdf_with_the_quote(client, story):
    response = client.get(f"/stasti/{story.pk}/plakats.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    document = pypdfium2.PdfDocument(response.content)
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    text = document[0].get_textpage().get_text_range()
    assert "Ģirts" in text and "Karostā" in text


@pytest.mark.django_db
def test_story_page_offers_poster_and_print_stylesheet(client, story):
    html = client.get(story.url).content.decode()
    assert f'href="/stasti/{story.pk}/plakats.pdf"' in html
    assert 'story-print.css" media="print"' in html


@pytest.mark.django_db
def test_feed_lists_stories_in_the_readers_language(client, story):
    response = client.get("/stasti/feed/")
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)  # noqa: S314
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert [entry.find(f"{atom}title").text for entry in entries] == [f"Ģirts: {story.title}"]
    assert entries[0].find(f"{atom}summary").text == story.quote
    assert entries[0].find(f"{atom}link").get("href").endswith(story.url)
    english = ElementTree.fromstring(client.get("/en/stories/feed/").content)  # noqa: S314
    assert english.findall(f"{atom}entry") == []


@pytest.mark.django_db
def test_sitemap_lists_pages_of_both_languages(client, story):
    english = Locale.objects.get(language_code="en")
    story.copy_for_translation(english, copy_parents=True).save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = ElementTree.fromstring(response.content)  # noqa: S314
    locations = {
        element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    assert any(location.endswith(story.url) for location in locations)
    assert any(location.endswith(f"/en/stasti/{story.slug}/") for location in locations)
    assert any(location.endswith("/en/") for location in locations)


@pytest.mark.django_db
def test_search_finds_stories_by_their_quote(client, story):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    response = client.get("/meklet/", {"q": "gaišas ielas"})
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert "Nekas netika atrasts" in client.get("/meklet/", {"q": "zqxw"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["karte-1080x1080.png", "karte-1200x630.png", "plakats.pdf"])
def test_cards_and_posters_answer_head_like_get(client, story, suffix):
    response = client.head(f"/stasti/{story.pk}/{suffix}")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == client.get(f"/stasti/{story.pk}/{suffix}")["Content-Type"]
