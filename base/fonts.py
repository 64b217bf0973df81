"""The server-side font for images and PDFs.

DejaVu Sans covers every Latvian letter (ā č ē ģ ī ķ ļ ņ š ū ž). Its regular and bold files
ship in `base/fonts/` with their licence, so no package is installed only to find a font.
"""

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


def font_path(bold: bool = False) -> str:
    return str(BOLD if bold else REGULAR)


@cache
def register_reportlab_fonts() -> tuple[str, str]:
    """Register the font with ReportLab once per process; returns (regular, bold) names."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", font_path()))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", font_path(bold=True)))
    return "DejaVuSans", "DejaVuSans-Bold"
