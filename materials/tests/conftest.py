import io

import pytest

from django.core.files.storage import default_storage

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from materials import bundle
from materials import demo as materials_demo

# The stories app's fixtures: a published story index, a district, a publish helper.
from stories.tests.conftest import karosta, publish, story_index  # noqa: F401
from stories.tests.factories import StoryPageFactory


@pytest.fixture
def materials(home_page, story_index, publish, karosta):  # noqa: F811 - fixtures above
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
    materials_demo.load(io.StringIO(), public_collections=["Kampaņas materiāli"])
    return stories
