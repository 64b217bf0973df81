"""The server-side font ships with the project, with its licence, and covers Latvian."""

import subprocess
import sys

from reportlab.pdfbase.ttfonts import TTFont

from base import fonts

LATVIAN = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ„”"


def test_both_weights_and_the_licence_ship_in_base():
    for bold in (False, True):
        assert fonts.font_path(bold).startswith(str(fonts.FONT_DIR))
        assert TTFont(f"probe-{bold}", fonts.font_path(bold)).face.charToGlyph
    assert "Bitstream" in (fonts.FONT_DIR / "LICENSE").read_text()


def test_every_latvian_letter_has_a_glyph_in_both_weights():
    for bold in (False, True):
        glyphs = TTFont(f"latvian-{bold}", fonts.font_path(bold)).face.charToGlyph
        assert [letter for letter in LATVIAN if ord(letter) not in glyphs] == []


def test_finding_the_font_needs_no_matplotlib():
    code = "import sys, base.fonts; print('matplotlib' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
