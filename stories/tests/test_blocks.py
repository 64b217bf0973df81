"""The story-teaser block lives in stories and reaches every page body through base's
registry of shared blocks."""

import pytest

from django.test import RequestFactory

from base.blocks import BaseStreamBlock
from stories.blocks import StoryTeaserListBlock
from stories.tests.factories import StoryIndexPageFactory, StoryPageFactory


def test_every_page_body_offers_story_teasers_after_the_shared_blocks():
    stream_block = BaseStreamBlock()
    names = list(stream_block.child_blocks)
    assert isinstance(stream_block.child_blocks["story_teasers"], StoryTeaserListBlock)
    # Its place keeps the editor's menu and the migrations as they were.
    assert names.index("story_teasers") == names.index("table") + 1


@pytest.mark.django_db
def test_story_teaser_block_shows_featured_stories(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=index, display_name="Izceltā", featured=True)
    StoryPageFactory(parent=index, display_name="Parastā")
    block = StoryTeaserListBlock()
    value = block.to_python({"heading": "Stāsti", "stories": [], "count": 1})
    html = block.render(value, {"request": RequestFactory().get("/")})
    assert "Izceltā" in html and "Parastā" not in html
