"""The printed cards: every QR code on every page decodes, with a real decoder, to exactly
the batch's cards."""

import io

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from django.core.cache import cache
from django.core.files.images import ImageFile

from wagtail.images.models import Image as WagtailImage

from ballots.codes import format_code
from ballots.models import BallotBatch
from ballots.printing import batch_pdf
from ballots.qr import ballot_payload
from ballots.services import issue_ballots

from .factories import ElectionFactory, StationFactory

pytestmark = pytest.mark.django_db


def decode_every_page(pdf, dpi=300):
    """Rasterise each page at ``dpi`` and return (page count, every QR text found)."""
    document = pypdfium2.PdfDocument(pdf)
    found = []
    for page in document:
        bitmap = page.render(scale=dpi / 72, grayscale=True).to_pil()
        results = zxingcpp.read_barcodes(bitmap, formats=zxingcpp.BarcodeFormat.QRCode)
        found.extend(result.text for result in results)
    return len(document), found


def page_text(pdf):
    document = pypdfium2.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@pytest.fixture
def illustration(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # Wagtail caches renditions by image id, which the next test may reuse
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "#2a9d8f").save(buffer, "PNG")
    return WagtailImage.objects.create(
        title="Jūras stacija", file=ImageFile(buffer, name="jura.png")
    )


@pytest.mark.parametrize(("layout", "size", "pages"), [(8, 19, 3), (10, 10, 1), (4, 6, 2)])
def test_every_qr_code_of_a_batch_decodes_to_exactly_its_cards(
    settings, illustration, layout, size, pages
):
    settings.BALLOT_QR_BASE_URL = "https://tavabalss.example.lv"
    station = StationFactory(theme_illustration=illustration, theme_primary_colour="#6a1b4d")
    batch = issue_ballots(station, size, layout)
    pdf = batch_pdf(batch)
    page_count, decoded = decode_every_page(pdf)
    assert page_count == pages
    expected = [ballot_payload(code) for code in batch.codes()]
    assert sorted(decoded) == sorted(expected)


def test_cards_carry_the_typed_code_station_and_how_to_vote():
    station = StationFactory(name="Karostas bērnu iecirknis", theme_motto="Jūra mūs vieno")
    batch = issue_ballots(station, 3)
    text = page_text(batch_pdf(batch))
    for code in batch.codes():
        assert format_code(code) in text
    assert "Karostas bērnu iecirknis" in text
    assert "Jūra mūs vieno" in text
    assert "Noskenē kodu" in text
    assert "MĒĢINĀJUMS" not in text


def test_rehearsal_cards_are_marked():
    station = StationFactory(election=ElectionFactory(is_rehearsal=True))
    text = page_text(batch_pdf(issue_ballots(station, 2)))
    assert text.count("MĒĢINĀJUMS / REHEARSAL") >= 2


def test_the_font_and_shared_card_art_are_embedded_once(illustration):
    station = StationFactory(theme_illustration=illustration)
    pdf = batch_pdf(issue_ballots(station, 40, 8))
    assert pdf.count(b"/FontFile2") == 2  # regular and bold, once each
    assert pdf.count(b"/Subtype /Image") == 1
    assert pdf.count(b"/Subtype /Form") == 2  # the card and the sheet of cut marks


def test_a_lost_pdf_is_printed_again_identical(settings):
    batch = issue_ballots(StationFactory(), 12)
    first = batch_pdf(batch)
    settings.BALLOT_CODE_KEY = ""  # the same key, derived again from SECRET_KEY
    assert batch_pdf(BallotBatch.objects.get(pk=batch.pk)) == first
    settings.BALLOT_CODE_KEY = "a different key"
    assert batch_pdf(batch) != first
