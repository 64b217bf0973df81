"""`paragraph_text`: whatever a user typed, a ReportLab Paragraph prints it as typed."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from base.fonts import register_reportlab_fonts
from base.pdf import paragraph_text

from .markup import TYPED_MARKUP, pdf_text

# Markup's own characters, Latvian letters and the characters entities are made of.
ALPHABET = "<>&;#=/\"'abcxyzāčēģīķļņšūžABCĀŽ0123456789 .,:-_"


def paragraph_pdf(value):
    regular, _bold = register_reportlab_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer)
    document.build([Paragraph(paragraph_text(value), ParagraphStyle("body", fontName=regular))])
    return buffer.getvalue()


@pytest.mark.parametrize("typed", TYPED_MARKUP)
def test_typed_markup_prints_as_typed(typed):
    assert pdf_text(paragraph_pdf(typed)) == typed


def test_the_same_text_without_escaping_would_be_read_as_markup():
    """The attack is real: unescaped, the tags vanish into formatting or stop the PDF."""
    regular, _bold = register_reportlab_fonts()
    style = ParagraphStyle("body", fontName=regular)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph("<b>Treknraksts</b>", style)])
    assert pdf_text(buffer.getvalue()) == "Treknraksts"
    with pytest.raises(ValueError):
        SimpleDocTemplate(io.BytesIO()).build([Paragraph("Skola <para", style)])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_any_typed_text_prints_as_typed(typed):
    # Every typed character prints and none is read as markup. Spaces are compared apart: a
    # viewer guesses them from the glyphs' positions, and reads a gap where the text changes
    # between the font's subsets („<” then „ļ” extracts as „< ļ”).
    printed = pdf_text(paragraph_pdf(typed))
    assert "".join(printed.split()) == "".join(typed.split())
    assert len(printed.split()) >= len(typed.split())  # no typed space is lost


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=30))
def test_control_characters_never_stop_a_paragraph(typed):
    paragraph_pdf(typed)  # no exception is the property


def test_nothing_prints_as_empty():
    assert paragraph_text(None) == ""
