"""The stories app's block for every page body: residents' story cards. `StoriesConfig.ready()`
registers it into base's shared StreamBlock, so `base` never imports `stories`."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from stories.selectors import stories_for_teasers


class StoryTeaserListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="stories.StoryPage"),
        label=_("Stories"),
        required=False,
        help_text=_("Choose stories, or leave empty to show the newest featured ones."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "user"
        label = _("Story teasers")
        template = "stories/blocks/story_teaser_list_block.html"
        description = _("Cards of residents' stories: chosen ones, or the newest featured.")
        preview_value = {"heading": "Kāpēc es balsoju", "count": 3}

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["stories"] = stories_for_teasers(value["stories"], value["count"])
        return context
