"""The server-side font for images and PDFs.

DejaVu Sans covers every Latvian letter (ā č ē ģ ī ķ ļ ņ š ū ž). It comes with matplotlib,
a declared dependency, so it is present wherever pip installed the project.
"""

from functools import cache
from pathlib import Path

import matplotlib

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


def font_path(bold=False):
    return str(BOLD if bold else REGULAR)


@cache
def register_reportlab_fonts():
    """Register the font with ReportLab once per process; returns (regular, bold) names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", font_path()))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", font_path(bold=True)))
    return "DejaVuSans", "DejaVuSans-Bold"
