"""Text for ReportLab: what people typed must print as text, never as markup.

ReportLab's `Paragraph` reads its text as a small XML dialect (`<b>`, `<font size=60>`,
`<img src=…>`, `&amp;`). A station called "A&B" or a name with `<para` typed into the admin
would otherwise change the page or stop it from being drawn. Every value a user typed goes
through `paragraph_text` before it reaches a `Paragraph`; our own translated labels may keep
their markup. Canvas calls such as `drawString` take plain text already and need nothing.
"""

from xml.sax.saxutils import escape

# Characters XML 1.0 forbids (control characters other than tab, newline and return): the
# paragraph parser stops at them, so they are dropped rather than escaped.
_FORBIDDEN_IN_XML = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)


def paragraph_text(value: object) -> str:
    """`value` as text a ReportLab Paragraph prints literally (None prints as nothing)."""
    if value is None:
        return ""
    return escape(str(value).translate(_FORBIDDEN_IN_XML))
