"""The public materials page: public collections only, grouped by kind, with size, format
and licence; every story's cards and poster in one ZIP; in navigation and sitemap."""

import io
import zipfile

import pytest

from django.core.files.storage import default_storage

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale

from materials import bundle
from materials import demo as materials_demo
from stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials(home_page, story_index, publish, karosta):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Kampaņas materiāli")
    private = root.add_child(name="Foto")
    poster = Image.objects.create(
        title="Plakāts A3", file=get_test_image_file("plakats.png"), collection=public
    )
    poster.tags.set(["plakāti"])
    logo = Image.objects.create(
        title="Logo", file=get_test_image_file("logo.png"), collection=public
    )
    logo.tags.set(["logo"])
    leaflet = Document.objects.create(title="Skrejlapa drukai", collection=public)
    leaflet.file.save("skrejlapa.pdf", io.BytesIO(b"%PDF-1.4 sample"))
    leaflet.tags.set(["druka"])
    Image.objects.create(
        title="Privāts portrets", file=get_test_image_file("portrets.png"), collection=private
    )
    stories = [
        publish(StoryPageFactory(parent=story_index, slug=slug, district=karosta))
        for slug in ("ilze-1", "janis-2")
    ]
    if default_storage.exists(bundle.FOLDER):  # no ZIP left over from an earlier run
        for old in default_storage.listdir(bundle.FOLDER)[1]:
            default_storage.delete(f"{bundle.FOLDER}/{old}")
    materials_demo.PUBLIC_COLLECTIONS[:] = ["Kampaņas materiāli"]
    materials_demo.load(io.StringIO())
    return stories


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
