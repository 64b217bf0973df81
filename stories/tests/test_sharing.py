"""The story page's call to vote and share links, the name written once (page and feed), and
share cards that follow the campaign's election day."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.exceptions import ValidationError

from wagtail.models import Page, Site

from base.models import SiteSettings
from stories.naming import title_names
from stories.sharing import share_links
from stories.tests.factories import StoryPageFactory


@given(
    name=st.text(alphabet="AaĀāŅņ", min_size=1, max_size=8),
    before=st.text(alphabet="xyz :-", max_size=8),
    after=st.text(alphabet="xyz :-", max_size=8),
)
def test_a_title_that_contains_the_name_as_a_word_names_the_resident(name, before, after):
    title = f"{before} {name}{after}"
    assert title_names(title, f"{name}, 34")
    assert title_names(title.upper(), name)
    # Inside another word it is not the name ("Anna" in "Marianna").
    assert not title_names(f"{before} x{name}", name)


def test_share_links_carry_the_address_and_text_encoded_for_each_network():
    url = "https://example.lv/stasti/ilze-1/?a=1&b=2"
    links = {link.name: urlsplit(link.url) for link in share_links(url, "Ilze & Co: „Balsoju”")}
    assert links["Facebook"].netloc == "www.facebook.com"
    assert parse_qs(links["Facebook"].query) == {"u": [url]}
    assert parse_qs(links["WhatsApp"].query) == {"text": [f"Ilze & Co: „Balsoju” {url}"]}
    assert links["WhatsApp"].netloc == "wa.me"
    assert parse_qs(links["X"].query) == {"url": [url], "text": ["Ilze & Co: „Balsoju”"]}
    assert links["X"].netloc == "x.com" and links["X"].path == "/intent/post"


@pytest.mark.django_db
def test_story_page_names_the_resident_once_calls_to_vote_and_shares_without_scripts(
    client, story_index, karosta, publish
):
    story_index.vote_page = Page.objects.get(slug="ka-balsot")
    story_index.save_revision().publish()
    story = publish(
        StoryPageFactory(
            parent=story_index,
            title="Juris: kāpēc es balsoju",
            display_name="Juris",
            district=karosta,
        )
    )
    html = client.get(story.url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    visible = re.sub(r"<[^>]+>", " ", main)
    assert visible.count("Juris") == 1
    assert 'href="/ka-balsot/"' in main and "Kā un kur balsot" in main
    address = f"http://testserver{story.url}"
    assert f'value="{address}"' in main
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in main
    assert "https://wa.me/?text=" in main and "https://x.com/intent/post?url=" in main
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert "<script>" not in html  # the CSP allows no inline script


@pytest.mark.django_db
def test_a_title_without_the_name_gets_it_in_the_caption_and_the_home_page_as_vote_link(
    client, story_index, karosta, publish
):
    story = publish(
        StoryPageFactory(
            parent=story_index, title="Par gaišām ielām", display_name="Zane, 39", district=karosta
        )
    )
    html = client.get(story.url).content.decode()
    caption = html[html.index("<figcaption>") : html.index("</figcaption>")]
    assert "Zane, 39" in caption and "Karosta" in caption
    assert re.search(r'<a class="button story-vote__button" href="/">', html)


@pytest.mark.django_db
def test_feed_titles_name_the_resident_once(client, story_index, karosta, publish):
    for title, name in (("Juris: kāpēc es balsoju", "Juris"), ("Par gaišām ielām", "Zane, 39")):
        publish(StoryPageFactory(parent=story_index, title=title, display_name=name))
    feed = client.get("/stasti/feed/").content.decode()
    assert "<title>Juris: kāpēc es balsoju</title>" in feed
    assert "<title>Zane, 39: Par gaišām ielām</title>" in feed
    assert "Juris: Juris" not in feed


@pytest.mark.django_db
def test_admin_refuses_a_name_or_descriptor_the_share_card_cannot_hold(story_index, karosta):
    story = StoryPageFactory(parent=story_index, district=karosta, quote="Balsoju.")
    story.display_name, story.descriptor = "Ļ" * 60, "ž" * 80
    with pytest.raises(ValidationError) as refused:
        story.clean()
    assert set(refused.value.message_dict) == {"display_name", "descriptor"}


@pytest.mark.django_db
def test_share_card_is_redrawn_when_the_election_day_changes(client, story_index, karosta, publish):
    story = publish(StoryPageFactory(parent=story_index, district=karosta))
    campaign = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    campaign.election_at = datetime.datetime(2027, 6, 5, 7, tzinfo=ZoneInfo("Europe/Riga"))
    campaign.save()
    first = client.get(f"/stasti/{story.pk}/karte-1200x630.png")
    campaign.election_at = datetime.datetime(2027, 6, 6, 7, tzinfo=ZoneInfo("Europe/Riga"))
    campaign.save()
    second = client.get(f"/stasti/{story.pk}/karte-1200x630.png")
    assert first.status_code == second.status_code == 200
    assert first["ETag"] != second["ETag"] and first.content != second.content
