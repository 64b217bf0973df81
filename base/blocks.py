"""The campaign's building blocks, defined once and shared by every page type.

Each block is small, has its own template, an icon, a description and a preview value, so
editors can see what a block does before they add it.
"""

from collections.abc import Callable

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from base.site_chrome import in_current_language

# Blocks that apps above `base` add to every page's body (name -> block factory), so base never
# imports them: e.g. `stories` adds its story teasers in its AppConfig.ready().
_shared_blocks: dict[str, Callable[[], blocks.Block]] = {}


def register_shared_block(name: str, factory: Callable[[], blocks.Block]) -> None:
    """Offer a block in every page body built on `BaseStreamBlock`; call from AppConfig.ready()."""
    _shared_blocks[name] = factory


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "base/blocks/text_block.html"
        description = _("Paragraphs, sub-headings, lists and links.")
        preview_value = (
            "<h2>Kāpēc balsot?</h2><p>Pašvaldība lemj par skolām, ielām un parkiem. "
            "Tava balss izšķir, kā.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=120, help_text=_("Photographer or author.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "base/blocks/captioned_image_block.html"
        description = _("A photo or illustration with a caption and its author.")
        preview_value = {
            "alt_text": "Vēlētāji pie iecirkņa",
            "caption": "Vēlēšanu rīts Liepājā",
            "credit": "Kampaņas komanda",
        }


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=300)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "base/blocks/pull_quote_block.html"
        description = _("A short, large quotation that stands out from the text.")
        preview_value = {
            "quote": "Es balsoju, jo gribu, lai mana iela ir droša bērniem.",
            "attribution": "Anna, Karosta",
        }


class LinkStructValue(blocks.StructValue):
    """A chosen page (in the reader's language) or else a typed address."""

    address_field = "link_url"

    def url_for(self, request: HttpRequest) -> str | None:
        page = self.get("page")
        if not page:
            return self.get(self.address_field)
        return in_current_language(request, page).get_url(request)


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("A page on this site, or…")
    )
    link_url = blocks.URLBlock(
        label=_("…an address"), required=False, help_text=_("…a full address elsewhere.")
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "base/blocks/call_to_action_block.html"
        description = _("A heading, a sentence and one clear button.")
        value_class = LinkStructValue
        preview_value = {
            "heading": "Nāc balsot!",
            "text": "Iecirkņi ir atvērti no 7:00 līdz 20:00.",
            "button_text": "Kur balsot",
            "link_url": "https://www.cvk.lv/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("link_url")):
            message = _("Choose either a page or an address for the button.")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("E.g. 28,84 %."))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=4)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "base/blocks/key_figures_block.html"
        description = _("A row of up to four large numbers with what they mean.")
        preview_value = {
            "heading": "Liepāja skaitļos",
            "figures": [
                {"figure": "28,84 %", "label": "piedalījās iepriekšējās vēlēšanās"},
                {"figure": "+10", "label": "procentpunktu — mūsu mērķis"},
            ],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "base/blocks/faq_block.html"
        description = _("Questions that open to show their answer, one at a time.")
        preview_value = {
            "heading": "Biežāk uzdotie jautājumi",
            "items": [
                {
                    "question": "Kas man jāņem līdzi?",
                    "answer": "<p>Pase vai personas apliecība (eID karte).</p>",
                }
            ],
        }


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Address of the video or post"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Names the embedded content for screen readers."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Embedded video or post")
        template = "base/blocks/embed_block.html"
        description = _("A video or social-media post from YouTube, Vimeo and similar.")
        preview_value = {"title": "Kampaņas video", "caption": "Iedzīvotāji stāsta"}


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "base/blocks/document_download_block.html"
        description = _("A link to download a poster, leaflet or report.")
        preview_value = {"title": "Kampaņas plakāts (PDF)", "description": "A3 formātā drukai."}


class DataTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("What the table shows, read first.")
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("Text"))),
            ("number", blocks.DecimalBlock(label=_("Number"))),
            (
                "rich_text",
                blocks.RichTextBlock(label=_("Formatted text"), features=["bold", "link"]),
            ),
        ],
        label=_("Table"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "base/blocks/table_block.html"
        description = _("A table of figures or facts with a caption.")
        preview_value = {
            "caption": "Vēlētāju aktivitāte Liepājā",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Vēlēšanas"},
                    {"type": "number", "heading": "Aktivitāte, %"},
                ],
                "rows": [
                    {"values": ["Iepriekšējās", "28.84"]},
                    {"values": ["Šīs", "43.5"]},
                ],
            },
        }


class BaseStreamBlock(blocks.StreamBlock):
    """Every page's body: one list of blocks, so a block learnt once works everywhere.

    Blocks registered by other apps follow the ones declared here and come before those a
    subclass adds, so each block keeps its place in the editor's menu and in migrations.
    Page models pass the class, not an instance, to their StreamField: Wagtail then builds it
    on first use, after every app's ready() has registered its blocks."""

    text = TextBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    faq = FaqBlock()
    embed = EmbedWithTitleBlock()
    document = DocumentDownloadBlock()
    table = DataTableBlock()

    def __init__(self, local_blocks=None, **kwargs) -> None:
        if not apps.ready:
            raise ImproperlyConfigured(
                "BaseStreamBlock was built before every app registered its shared blocks: "
                "pass the class, not an instance, to StreamField."
            )
        super().__init__(local_blocks, **kwargs)
        own = dict(self.child_blocks)
        ordered = {name: own.pop(name) for name in BaseStreamBlock.base_blocks}
        for name, factory in _shared_blocks.items():
            block = factory()
            block.set_name(name)
            ordered[name] = block
        ordered.update(own)
        self.child_blocks = ordered
