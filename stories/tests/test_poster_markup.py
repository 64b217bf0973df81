"""Text on a story's print poster is text: a quote or name typed as markup prints as typed,
and the public poster address answers with the PDF, never an error."""

import pytest

from base.tests.markup import TYPED_MARKUP, pdf_text
from stories.tests.factories import StoryPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize("typed", TYPED_MARKUP)
def test_quote_name_and_descriptor_typed_as_markup_print_as_typed(
    client, story_index, karosta, publish, typed
):
    story = publish(
        StoryPageFactory(
            parent=story_index,
            district=karosta,
            display_name=f"Vārds {typed}",
            descriptor=f"apraksts {typed}",
            quote=f"Es balsoju {typed}",
        )
    )
    response = client.get(f"/stasti/{story.pk}/plakats.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    for line in [f"Vārds {typed}", f"apraksts {typed}, Karosta", f"„Es balsoju {typed}”"]:
        assert line in text
