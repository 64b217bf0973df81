"""Every shared block renders its own template with an editor's values."""

import datetime
from unittest import mock

import pytest
import wagtail_factories

from django.test import RequestFactory
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.embeds.models import Embed

from base import blocks
from base.editorial import MODERATORS, WORKFLOW, ensure_editorial_setup
from base.selectors import time_until


def render(block, raw_value, context=None):
    value = block.to_python(raw_value)
    return block.render(value, context or {"request": RequestFactory().get("/")})


def test_every_shared_block_has_icon_template_preview_and_description():
    for name, block in blocks.BaseStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert block.meta.description, name
        assert block.get_preview_value() is not None, name


def test_text_block_renders_rich_text():
    html = render(blocks.TextBlock(), "<p>Nāc <b>balsot</b>!</p>")
    assert '<div class="block-text prose"><p>Nāc <b>balsot</b>!</p></div>' in html


@pytest.mark.django_db
def test_image_block_renders_alt_text_caption_and_credit():
    image = wagtail_factories.ImageFactory()
    html = render(
        blocks.CaptionedImageBlock(),
        {"image": image.pk, "alt_text": "Rinda pie iecirkņa", "caption": "Rīts", "credit": "Ilze"},
    )
    assert 'alt="Rinda pie iecirkņa"' in html and "Rīts" in html and "© Ilze" in html


def test_pull_quote_block():
    html = render(blocks.PullQuoteBlock(), {"quote": "Balsoju!", "attribution": "Anna"})
    assert "<blockquote><p>Balsoju!</p></blockquote>" in html and "— Anna" in html


def test_call_to_action_links_to_its_address():
    html = render(
        blocks.CallToActionBlock(),
        {"heading": "Nāc", "text": "", "button_text": "Kur balsot", "link_url": "https://cvk.lv/"},
    )
    assert '<a class="button" href="https://cvk.lv/">Kur balsot</a>' in html


def test_call_to_action_needs_exactly_one_target():
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = blocks.CallToActionBlock()
    value = block.to_python({"heading": "Nāc", "button_text": "Iet", "link_url": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_key_figures_block():
    html = render(
        blocks.KeyFiguresBlock(),
        {"heading": "Skaitļi", "figures": [{"figure": "28,84 %", "label": "balsoja"}]},
    )
    assert '<span class="key-figure__value">28,84 %</span>' in html


def test_faq_block_uses_details_and_summary():
    html = render(
        blocks.FaqBlock(),
        {"heading": "", "items": [{"question": "Ko ņemt?", "answer": "<p>Pasi.</p>"}]},
    )
    assert "<details" in html and "<summary>Ko ņemt?</summary>" in html and "Pasi." in html


@pytest.mark.django_db
def test_embed_block_is_labelled_for_screen_readers():
    embed = Embed(
        url="https://www.youtube.com/watch?v=x", html="<iframe src='https://e/x'></iframe>"
    )
    with mock.patch("wagtail.embeds.embeds.get_embed", return_value=embed):
        html = render(
            blocks.EmbedWithTitleBlock(),
            {"embed": "https://www.youtube.com/watch?v=x", "title": "Video", "caption": "Par"},
        )
    assert 'aria-label="Video"' in html and "iframe" in html


@pytest.mark.django_db
def test_document_block_links_to_the_file():
    document = Document.objects.create(
        title="Plakāts", file=wagtail_factories.DocumentFactory().file
    )
    html = render(blocks.DocumentDownloadBlock(), {"document": document.pk, "title": ""})
    assert document.url in html and "Plakāts" in html


def test_table_block_has_caption_and_column_headers():
    html = render(blocks.DataTableBlock(), blocks.DataTableBlock().meta.preview_value)
    assert "<caption>Vēlētāju aktivitāte Liepājā</caption>" in html
    assert '<th scope="col">Aktivitāte, %</th>' in html and "28.84" in html


def test_time_until_counts_days_and_hours_and_stops_at_zero():
    now = timezone.now()
    assert time_until(now + datetime.timedelta(days=3, hours=5, minutes=10), now) == (3, 5)
    assert time_until(now - datetime.timedelta(minutes=1), now) is None
    assert time_until(None, now) is None


@pytest.mark.django_db
def test_editorial_setup_gives_moderators_the_approval_of_the_whole_tree(home_page):
    from django.apps import apps

    from wagtail.models import Page, Workflow

    ensure_editorial_setup(apps)  # again: nothing doubles
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert Page.get_first_root_node().get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == [MODERATORS]
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1
