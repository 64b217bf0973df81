"""The station's closing certificate: one A4 page the volunteers sign."""

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from base.fonts import register_reportlab_fonts


def _moment(value: Any) -> str:
    if value is None:
        return "—"
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def closing_certificate_pdf(summary: dict[str, Any]) -> bytes:
    """The PDF bytes of a closing certificate built from `selectors.closing_summary`."""
    regular, bold = register_reportlab_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=16, leading=20)
    subheading = ParagraphStyle("subheading", parent=body, fontName=bold, fontSize=12, leading=16)
    station = summary["station"]
    accounting = summary["accounting"]

    def table(rows, widths):
        grid = Table(rows, colWidths=widths, hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), regular, 10),
                    ("FONT", (0, 0), (-1, 0), bold, 10),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        return grid

    story = [
        Paragraph(_("Closing certificate of a children's polling station"), heading),
        # What organisers typed is text, never ReportLab markup: A&B, <b>, <para, <img…
        Paragraph(escape(f"{summary['election'].title} · {station.name}, {station.address}"), body),
        Spacer(1, 4 * mm),
        table(
            [
                [_("Time"), ""],
                [_("Opened"), _moment(summary["opened_at"])],
                [_("Closed"), _moment(summary["closed_at"])],
                [_("Certificate made"), _moment(summary["generated_at"])],
            ],
            [60 * mm, 85 * mm],
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Votes by source"), subheading),
        table(
            [
                [_("Source"), _("Votes")],
                [_("Tablets"), summary["tablet_votes"]],
                [
                    _("Paper (accepted)")
                    if summary["paper_accepted"]
                    else _("Paper (not accepted)"),
                    summary["paper_votes"],
                ],
                [_("Total"), summary["tablet_votes"] + summary["paper_votes"]],
            ],
            [60 * mm, 30 * mm],
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Tablet votes by age band"), subheading),
        table(
            [[_("Age"), _("Votes")]]
            + [[band["label"], band["votes"]] for band in summary["by_age_band"]],
            [60 * mm, 30 * mm],
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Ballot cards"), subheading),
        table(
            [
                [_("Cards"), _("Count")],
                [_("Printed"), accounting["printed"]],
                [_("Used on tablets"), accounting["used"]],
                [_("Spoiled cards"), accounting["spoiled"]],
                [_("Void (cancelled batch)"), accounting["void"]],
                [_("Unused"), accounting["unused"]],
            ],
            [60 * mm, 30 * mm],
        ),
        Paragraph(
            _("Printed = used + spoiled + void + unused: %(printed)d = %(sum)d.")
            % {
                "printed": accounting["printed"],
                "sum": accounting["used"]
                + accounting["spoiled"]
                + accounting["void"]
                + accounting["unused"],
            },
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(_("Differences explained"), subheading),
    ]
    if summary["explanations"]:
        story += [Paragraph(escape("• " + line), body) for line in summary["explanations"]]
    else:
        story.append(Paragraph(_("None: every number agrees."), body))
    story += [Spacer(1, 4 * mm), Paragraph(_("Tally digest"), subheading)]
    if summary["uncounted_votes"]:
        story.append(
            Paragraph(
                ngettext(
                    "%(count)d sealed vote is not counted yet: count the station, then print "
                    "this certificate again to get its digest.",
                    "%(count)d sealed votes are not counted yet: count the station, then print "
                    "this certificate again to get its digest.",
                    summary["uncounted_votes"],
                )
                % {"count": summary["uncounted_votes"]},
                body,
            )
        )
    else:
        story.append(
            Paragraph(
                _(
                    "%(digest)s — the short code of this station's counted tally. Anyone can "
                    "compare it with the published digest of the station."
                )
                % {"digest": summary["tally_digest"]},
                body,
            )
        )
    story += [Spacer(1, 14 * mm)]
    signature_rows = [
        [_("Volunteer"), "_______________________", _("Signature"), "________________"],
        [_("Volunteer"), "_______________________", _("Signature"), "________________"],
    ]
    signatures = Table(signature_rows, colWidths=[25 * mm, 65 * mm, 25 * mm, 50 * mm])
    signatures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12 * mm),
            ]
        )
    )
    story.append(signatures)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Closing certificate") + f" · {station.name}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()


def certificate_filename(station: Any) -> str:
    """The closing certificate's file name, with the election: every election has a station
    number 1 in its own list, and the downloads of two elections must not overwrite each other."""
    return f"{station.election.slug}-iecirknis-{station.pk}-akts.pdf"
