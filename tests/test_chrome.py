"""The layout every public page shares: menu and footer reach every destination in both
languages, English addresses, the configured site address, titles, dates, error summaries."""

import datetime
import re
from html import unescape

import pytest

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from base.dates import on_day
from mock_elections.models import Election
from mock_elections.tests.factories import ElectionFactory

pytestmark = pytest.mark.django_db


def footer_links(html):
    footer = re.search(r'<nav class="site-footer__nav".*?</nav>', html, re.S).group(0)
    return {
        unescape(title): href
        for href, title in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer)
    }


def test_footer_lists_every_home_page_child_and_the_registered_views(client, home_page):
    hidden = home_page.get_children().get(slug="bernu-velesanas")
    assert not hidden.show_in_menus  # not in the menu, yet reachable from every page
    links = footer_links(client.get("/").content.decode())
    assert links["Bērnu vēlēšanas"] == "/bernu-velesanas/"
    assert links["Atvērtie dati"] == "/atvertie-dati/"
    assert links["Meklēt"] == "/meklet/"
    english = footer_links(client.get("/en/").content.decode())
    assert english["Children's election"] == "/en/childrens-election/"
    assert english["Open data"] == "/en/open-data/"
    assert english["Search"] == "/en/search/"


def test_proposal_form_is_linked_only_while_an_election_takes_proposals(client, home_page):
    assert "Ierosini jautājumu" not in footer_links(client.get("/meklet/").content.decode())
    election = ElectionFactory(slug="nakamas", status=Election.Status.DRAFT)
    links = footer_links(client.get("/meklet/").content.decode())
    assert links["Ierosini jautājumu"] == "/bernu-velesanas/nakamas/ierosinajumi/"
    english = footer_links(client.get("/en/search/").content.decode())
    assert english["Propose a question"] == "/en/childrens-election/nakamas/proposals/"

    election.status = Election.Status.OPEN
    election.save()
    assert "Ierosini jautājumu" not in footer_links(client.get("/meklet/").content.decode())


def test_views_under_en_have_english_addresses_and_latvian_ones_stay(client, home_page):
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/meklet/").status_code == 404
    assert client.get("/meklet/").status_code == 200
    with translation.override("en"):
        assert reverse("results:open_data_schema") == "/en/open-data/"
    # The language switcher of a view leads to the same view in the other language.
    html = client.get("/en/open-data/").content.decode()
    assert 'href="/atvertie-dati/" lang="lv"' in html


@override_settings(SITE_URL="https://balss.example.lv")
def test_canonical_hreflang_and_sitemap_use_the_configured_site_address(client, home_page):
    html = client.get("/en/").content.decode()
    assert '<link rel="canonical" href="https://balss.example.lv/en/">' in html
    assert 'hreflang="lv" href="https://balss.example.lv/"' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://balss.example.lv/en/childrens-election/" in locations
    assert all(location.startswith("https://balss.example.lv/") for location in locations)


def test_home_title_names_the_site_once_and_other_pages_add_it(client, home_page):
    assert "<title>Liepāja ir Tava balss!</title>" in client.get("/").content.decode()
    assert "<title>Liepāja is your voice!</title>" in client.get("/en/").content.decode()
    html = client.get("/en/about/").content.decode()
    assert "<title>About the campaign · Liepāja is your voice!</title>" in html


def test_dates_read_as_each_language_writes_them():
    day = datetime.date(2027, 1, 9)
    with translation.override("lv"):
        assert on_day(day) == "9. janvārī"
        assert on_day(datetime.date(2027, 3, 1)) == "1. martā"
    with translation.override("en"):
        assert on_day(day) == "9 January"
        from django.utils.formats import date_format

        assert date_format(day, "DATE_FORMAT") == "9 January 2027"


def test_a_form_with_errors_leads_with_a_summary_linking_each_field(client, home_page):
    election = ElectionFactory(status=Election.Status.DRAFT)
    address = f"/bernu-velesanas/{election.slug}/ierosinajumi/"
    html = client.post(address, {"group_name": "3.a klase"}).content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary and 'role="alert"' in summary
    assert "Lūdzu, izlabojiet:" in summary
    assert 'href="#id_question_text"' in summary
    assert 'value="3.a klase"' in html  # what was typed stays


def test_english_pages_link_the_english_pages_not_the_latvian_ones(client, home_page):
    html = client.get("/en/").content.decode()
    hrefs = set(re.findall(r'href="(/[^"]*)"', html))
    assert "/en/childrens-election/" in hrefs
    latvian_pages = {"/bernu-velesanas/", "/par-kampanu/", "/ka-balsot/"}
    assert not hrefs & latvian_pages
