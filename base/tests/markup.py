"""What an outsider types into a name or address to make a PDF draw something else, and
the text a PDF really shows, for the "text in PDFs is text" tests of every app."""

import re
import shutil
import subprocess

import pypdfium2

TYPED_MARKUP = [
    "A&B",
    "<b>Treknraksts</b>",
    "Skola <para",
    '<img src="/etc/passwd"/>',
    "<font size=60>Liels</font> &amp; &#65;",
]


def pdf_text(data: bytes) -> str:
    """Every page's text as a reader's PDF viewer extracts it, lines joined by spaces."""
    document = pypdfium2.PdfDocument(data)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    return " ".join(text.split())


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def pdf_words(data: bytes) -> set[str]:
    """Every word poppler's pdftotext reads from the PDF: what a reader can copy out of it,
    whatever lines the text was wrapped into."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils (pdftotext) is needed for the print tests"
    result = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True)  # noqa: S603
    return words(result.stdout.decode())
