"""Text in the printed cards is text: names and mottos typed as markup print as typed."""

import pytest

from ballots.printing import batch_pdf
from ballots.services import issue_ballots
from base.tests.markup import TYPED_MARKUP, pdf_text

from .factories import StationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", TYPED_MARKUP)
def test_station_name_and_motto_typed_as_markup_print_as_typed(typed):
    station = StationFactory(name=f"{typed} stacija", theme_motto=f"Moto {typed}")
    text = pdf_text(batch_pdf(issue_ballots(station, 2)))
    assert f"{typed} stacija" in text
    assert f"Moto {typed}" in text
