"""The station results sheet as an A4 PDF: the station, its votes, and each question's
answers, with hidden counts shown as a dash and a line that says why."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from base.fonts import register_reportlab_fonts
from results.selectors.station_sheet import Shown, StationSheet

HIDDEN = "—"


def _figure(value: Shown) -> str:
    return HIDDEN if value is None else str(value)


def station_sheet_pdf(sheet: StationSheet, language: str = "lv") -> bytes:
    """The sheet's PDF bytes in ``language`` ("lv" or "en"); long names and questions wrap."""
    regular, bold = register_reportlab_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=18, leading=22)
    subheading = ParagraphStyle(
        "subheading", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=6
    )
    english = language == "en"
    station, election = sheet.station, sheet.election

    def table(rows: list[list[object]]) -> Table:
        grid = Table(rows, colWidths=[130 * mm, 30 * mm], hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), regular, 10.5),
                    ("FONT", (0, -1), (-1, -1), bold, 10.5),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return grid

    with translation.override(language):
        title = (election.title_en or election.title) if english else election.title
        counted = formats.date_format(timezone.localtime(sheet.counted_at), "DATETIME_FORMAT")
        # What organisers typed is text, never ReportLab markup.
        story: list[object] = [
            Paragraph(escape(gettext("Station results")), heading),
            Paragraph(escape(f"{title} · {station.name}"), subheading),
            Paragraph(escape(station.address), body),
            Paragraph(escape(gettext("Counted: %(moment)s") % {"moment": counted}), body),
            Spacer(1, 4 * mm),
            table(
                [
                    [gettext("Votes on tablets"), _figure(sheet.tablet)],
                    [gettext("Votes on paper"), _figure(sheet.paper)],
                    [gettext("Votes in all"), _figure(sheet.total)],
                ]
            ),
        ]
        for question in sheet.questions:
            text = (question.text_en or question.text) if english else question.text
            rows: list[list[object]] = [
                [
                    Paragraph(
                        escape(
                            gettext("Abstained (“I don't know”)")
                            if answer.is_abstain
                            else ((answer.label_en or answer.label) if english else answer.label)
                        ),
                        body,
                    ),
                    _figure(answer.votes),
                ]
                for answer in question.answers
            ]
            rows.append([gettext("Answers in all"), _figure(question.total)])
            story.append(KeepTogether([Paragraph(escape(text), subheading), table(rows)]))
        story += [
            Spacer(1, 5 * mm),
            Paragraph(
                escape(
                    gettext(
                        "%(dash)s hidden: fewer than %(threshold)d votes, or a number from "
                        "which such a count could be worked out."
                    )
                    % {"dash": HIDDEN, "threshold": sheet.threshold}
                ),
                body,
            ),
        ]
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=f"{gettext('Station results')} · {station.name}",
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=16 * mm,
        )
        document.build(story)
    return buffer.getvalue()
