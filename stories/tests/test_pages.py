"""Page tree rules, rendering, filters, navigation and the privacy of consent."""

from io import StringIO

import pytest

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from base import demo as base_demo
from base.models import ContentPage
from home import demo as home_demo
from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage
from stories.tests.factories import PortraitFactory, StoryIndexPageFactory, StoryPageFactory


class StoryTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        base_demo.load(StringIO())
        home_demo.load(StringIO())
        cls.home = HomePage.objects.get(locale__language_code="lv")
        cls.index = StoryIndexPageFactory(parent=cls.home)
        cls.story = StoryPageFactory(parent=cls.index, portrait=PortraitFactory())

    def test_where_each_page_type_may_be_created(self):
        self.assertCanCreateAt(HomePage, StoryIndexPage)
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanCreateAt(StoryIndexPage, StoryPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(ContentPage, StoryPage)
        self.assertCanNotCreateAt(StoryPage, StoryPage)
        self.assertCanNotCreateAt(ContentPage, StoryIndexPage)
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        # The home page also takes other apps' pages (how to vote, feedback); never a story.
        self.assertLessEqual({ContentPage, StoryIndexPage}, set(HomePage.allowed_subpage_models()))
        self.assertNotIn(StoryPage, HomePage.allowed_subpage_models())

    def test_every_page_type_renders_and_previews(self):
        content_page = ContentPage.objects.first()
        body = streamfield([("text", rich_text("<p>Nāc balsot.</p>"))])
        previews = {
            self.index: {"title": "Stāsti", "slug": "stasti", "stories_per_page": 12},
            content_page: {"title": "Par", "slug": "par", "introduction": "Īsi", "body": body},
            self.story: {
                "title": "Stāsts",
                "slug": "stasts",
                "display_name": "Anna",
                "district": self.story.district_id,
                "quote": "Es balsoju.",
                "body": body,
                "tags": "skolas",
                "consent_date": "2025-04-01",
                "consent_method": "email",
            },
        }
        self.assertPageIsRenderable(self.home)
        for page, data in previews.items():
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page, post_data=nested_form_data(data))


@pytest.mark.django_db
def test_story_page_shows_the_resident_but_never_the_consent(client, story_index, karosta):
    story = StoryPageFactory(
        parent=story_index,
        district=karosta,
        display_name="Anna",
        descriptor="skolotāja, 34",
        quote="Es balsoju par gaišām ielām.",
        consent_method="recorded",
    )
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Anna" in html and "skolotāja, 34" in html and "Karosta" in html
    assert "Es balsoju par gaišām ielām." in html
    for secret in ("2025-04-01", "1. aprīlis", "01.04.2025", "recorded", "Ierakstīta"):
        assert secret not in html
    assert "consent" not in html.lower() and "piekrišan" not in html.lower()


@pytest.mark.django_db
def test_index_lists_featured_first_and_filters_by_district_and_topic(
    client, story_index, karosta, tosmare, publish
):
    plain = publish(StoryPageFactory(parent=story_index, district=karosta, display_name="Pēteris"))
    featured = publish(
        StoryPageFactory(parent=story_index, district=tosmare, display_name="Zane", featured=True)
    )
    plain.tags.add("skolas")
    publish(plain)

    html = client.get(story_index.url).content.decode()
    assert html.index("Zane") < html.index("Pēteris")

    html = client.get(story_index.url, {"rajons": "karosta"}).content.decode()
    assert "Pēteris" in html and "Zane" not in html
    html = client.get(story_index.url, {"tema": "skolas"}).content.decode()
    assert "Pēteris" in html and "Zane" not in html
    assert (
        featured.display_name
        not in client.get(story_index.url, {"rajons": "karosta"}).content.decode()
    )


@pytest.mark.django_db
def test_index_paginates(client, story_index, karosta, publish):
    story_index.stories_per_page = 2
    story_index.save_revision().publish()
    for number in range(5):
        publish(
            StoryPageFactory(parent=story_index, district=karosta, display_name=f"Vārds{number}")
        )
    first = client.get(story_index.url).content.decode()
    third = client.get(story_index.url, {"lapa": 3}).content.decode()
    assert first.count("story-card__name") == 2
    assert third.count("story-card__name") == 1
    assert 'aria-current="page">3<' in third


@pytest.mark.django_db
def test_story_links_to_neighbours_and_related_stories_from_its_district(
    client, story_index, karosta, tosmare, publish
):
    first = publish(StoryPageFactory(parent=story_index, district=karosta, display_name="Alise"))
    middle = publish(StoryPageFactory(parent=story_index, district=karosta, display_name="Bruno"))
    publish(StoryPageFactory(parent=story_index, district=tosmare, display_name="Cilda"))
    context = client.get(middle.url).context
    assert {context["previous_story"], context["next_story"]} - {None}
    assert [story.pk for story in context["related_stories"]] == [first.pk]


@pytest.mark.django_db
def test_draft_story_is_not_listed(client, story_index, karosta):
    StoryPageFactory(parent=story_index, district=karosta, display_name="Melnraksts", live=False)
    assert "Melnraksts" not in client.get(story_index.url).content.decode()


@pytest.mark.django_db
def test_head_has_canonical_hreflang_and_share_card(client, story_index, karosta, publish):
    story = publish(StoryPageFactory(parent=story_index, district=karosta))
    english = Locale.objects.get(language_code="en")
    story_en = story.copy_for_translation(english, copy_parents=True)
    story_en.save_revision().publish()

    html = client.get(story.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{story.url}">' in html
    assert f'hreflang="lv" href="http://testserver{story.url}"' in html
    assert f'hreflang="en" href="http://testserver/en/stasti/{story.slug}/"' in html
    assert f'hreflang="x-default" href="http://testserver{story.url}"' in html
    assert (
        f'property="og:image" content="http://testserver/stasti/{story.pk}/karte-1200x630.png'
        in html
    )
    assert 'name="twitter:card" content="summary_large_image"' in html

    html_en = client.get(f"/en/stasti/{story.slug}/").content.decode()
    assert '<html lang="en"' in html_en
    assert f'<link rel="canonical" href="http://testserver/en/stasti/{story.slug}/">' in html_en


@pytest.mark.django_db
def test_page_without_own_image_shares_the_default_image(client, home_page):
    html = client.get("/").content.decode()
    assert 'property="og:title"' in html
    assert 'hreflang="en" href="http://testserver/en/"' in html
    assert 'property="og:image"' not in html  # no default share image chosen yet


@pytest.mark.django_db
def test_home_page_is_the_only_root_level_page_type(home_page):
    assert Page.get_first_root_node().get_children().type(HomePage).count() == 2
