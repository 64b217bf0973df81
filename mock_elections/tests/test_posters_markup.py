"""Text on the station sign is text: whatever the organiser typed prints as typed."""

import pytest

from base.tests.markup import TYPED_MARKUP, pdf_text
from mock_elections.posters import station_poster_pdf

from .factories import PollingStationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", TYPED_MARKUP)
def test_every_typed_line_of_the_sign_prints_as_typed(typed):
    station = PollingStationFactory(
        name=f"Iecirknis {typed}",
        theme_motto=f"Moto {typed}",
        address=f"Adrese {typed}",
        adult_precinct_name=f"Skola {typed}",
        opening_hours=f"9–18 {typed}",
        election__title=f"Vēlēšanas {typed}",
    )
    text = pdf_text(station_poster_pdf(station).read())
    for line in [
        f"Iecirknis {typed}",
        f"„Moto {typed}”",
        f"Adrese {typed}",
        f"Skola {typed}",
        f"9–18 {typed}",
        f"Vēlēšanas {typed}",
    ]:
        assert line in text
