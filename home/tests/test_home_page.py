from io import StringIO

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import demo as home_demo
from home.models import HomePage


@pytest.mark.django_db
def test_home_page_is_served_in_latvian_at_root(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="lv"' in html
    assert "Liepāja ir Tava balss!" in html
    assert "Pāriet uz saturu" in html  # the skip link, translated


@pytest.mark.django_db
def test_english_home_page_is_under_en(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Liepāja is your voice!" in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_unknown_address_answers_translated_404(client, home_page):
    response = client.get("/nav-tadas-lapas/")
    assert response.status_code == 404
    assert "Lapa nav atrasta" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "/sitemap.xml" in response.content.decode()


class HomePageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home_demo.load(StringIO())
        cls.home = HomePage.objects.get(locale__language_code="lv")

    def test_home_page_only_at_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_renders_previews_and_edits(self):
        self.assertPageIsRenderable(self.home)
        form_data = nested_form_data(
            {
                "title": "Sākums",
                "slug": "sakums",
                "hero_title": "Liepāja ir Tava balss!",
                "hero_text": "Balso!",
                "body": streamfield([("text", rich_text("<p>Nāc balsot.</p>"))]),
            }
        )
        self.assertPageIsPreviewable(self.home, post_data=form_data)
        self.assertPageIsEditable(self.home, post_data=form_data)
