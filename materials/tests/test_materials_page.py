"""The public materials page: public collections only, grouped by kind, with size, format
and licence; every story's cards and poster in one ZIP; in navigation and sitemap."""

import zipfile

import pytest

from django.core.files.storage import default_storage

from wagtail.models import Locale

from materials import bundle

pytestmark = pytest.mark.django_db


def test_the_page_lists_public_materials_by_kind_with_size_format_and_licence(client, materials):
    html = client.get("/materiali/").content.decode()
    for heading in ("Plakāti", "Logotipi", "Druka"):
        assert f">{heading}</h2>" in html
    assert html.index("Plakāts A3") < html.index(">Logo<") < html.index("Skrejlapa drukai")
    assert "Privāts portrets" not in html
    assert ">PNG<" in html and ">PDF<" in html
    assert "CC BY 4.0, Liepājas pilsētas pašvaldība" in html


def test_the_zip_holds_every_storys_cards_and_poster(client, materials):
    html = client.get("/materiali/").content.decode()
    current = bundle.current_story_bundle()
    assert current.ready and current.url in html
    with default_storage.open(current.name) as file:
        names = set(zipfile.ZipFile(file).namelist())
    expected = {
        f"lv/{slug}-{kind}"
        for slug in ("ilze-1", "janis-2")
        for kind in ("kartite-1080x1080.png", "kartite-1200x630.png", "plakats.pdf")
    }
    assert names == expected
    with default_storage.open(current.name) as file:
        archive = zipfile.ZipFile(file)
        assert archive.read("lv/ilze-1-plakats.pdf").startswith(b"%PDF")
        assert archive.read("lv/janis-2-kartite-1200x630.png").startswith(b"\x89PNG")


def test_a_changed_story_means_a_new_zip(client, materials, publish):
    client.get("/materiali/")
    first = bundle.current_story_bundle().name
    story = materials[0]
    story.quote = "Es balsoju, jo gribu zaļāku pilsētu."
    publish(story)
    assert bundle.current_story_bundle().name != first
    client.get("/materiali/")
    assert bundle.current_story_bundle().ready
    assert not default_storage.exists(first)


def test_the_page_is_in_navigation_and_sitemap_in_both_languages(client, materials):
    assert 'href="/materiali/"' in client.get("/").content.decode()
    assert 'href="/en/materials/"' in client.get("/en/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/materiali/</loc>" in sitemap and "/en/materials/</loc>" in sitemap
    english = client.get("/en/materials/").content.decode()
    assert ">Posters</h2>" in english and Locale.objects.filter(language_code="en").exists()
