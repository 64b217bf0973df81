"""Home-page blocks that read live campaign data (settings, polling stations); the general
blocks come from base.blocks."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale

from base.blocks import BaseStreamBlock, LinkStructValue
from base.selectors import campaign_settings
from home.countdown import countdown
from home.selectors import how_to_vote_page, precinct_count, precinct_rows


def _request(parent_context):
    return (parent_context or {}).get("request")


class CountdownBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)

    class Meta:
        icon = "time"
        label = _("Countdown to election day")
        template = "home/blocks/countdown_block.html"
        description = _("Days and hours until polling stations open (set in campaign settings).")
        preview_value = {"heading": "Līdz vēlēšanām", "text": "Iecirkņi atvērti 7:00–20:00."}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        election_at = campaign_settings(_request(parent_context)).election_at
        context["election_at"] = election_at
        context["time_left"] = countdown(election_at)
        return context


class CampaignFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)

    class Meta:
        icon = "table"
        label = _("Campaign figures")
        template = "home/blocks/campaign_figures_block.html"
        description = _(
            "Last turnout, what is within reach, the precincts and the hours, said to voters "
            "(from the campaign settings and the precinct list)."
        )
        preview_value = {"heading": "Mūsu mērķis"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["settings_figures"] = campaign_settings(_request(parent_context))
        context["precinct_count"] = precinct_count()
        return context


class WhereToVoteBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), required=False, features=["bold", "link"])

    class Meta:
        icon = "site"
        label = _("Where and when to vote")
        template = "home/blocks/where_to_vote_block.html"
        description = _(
            "Every adult polling precinct (admin → Polling precincts), each with the children's "
            "station beside it if there is one, and a link to the precinct finder."
        )
        preview_value = {"heading": "Kur un kad balsot"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = _request(parent_context)
        context["rows"] = precinct_rows()
        context["election_at"] = campaign_settings(request).election_at
        # On the home page the page has already looked it up for its main button.
        parent = parent_context or {}
        if "how_to_vote" in parent:
            context["how_to_vote"] = parent["how_to_vote"]
        else:
            context["how_to_vote"] = how_to_vote_page(Locale.get_active().pk)
        return context


class LinkCardValue(LinkStructValue):
    address_field = "link"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=300)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link = blocks.CharBlock(
        label=_("…or address"),
        required=False,
        max_length=200,
        help_text=_("An address on this site (starting with /) or elsewhere."),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkCardValue


class ElectionLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1, max_num=4)

    class Meta:
        icon = "link"
        label = _("Link cards")
        template = "home/blocks/election_links_block.html"
        description = _("Large link cards, e.g. to the children's election and the results.")
        preview_value = {
            "heading": "Bērnu vēlēšanas",
            "links": [
                {
                    "title": "Demokrātija sākas ģimenē",
                    "text": "Bērni balso blakus vecākiem.",
                    "link": "/",
                }
            ],
        }


class HomeStreamBlock(BaseStreamBlock):
    countdown = CountdownBlock()
    campaign_figures = CampaignFiguresBlock()
    where_to_vote = WhereToVoteBlock()
    election_links = ElectionLinksBlock()
