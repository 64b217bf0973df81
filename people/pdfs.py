"""Paper for the station: the roster (A4, phone numbers of the leads only) and thank-you
certificates after the election. Long names wrap; they are never cut."""

import io
from collections.abc import Callable, Iterable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from base.fonts import register_reportlab_fonts
from mock_elections.models import PollingStation

from .models import Volunteer
from .selectors import ShiftRow

MARGIN = 18 * mm
WIDTH, HEIGHT = A4


class _Page:
    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf
        self.regular, self.bold = register_reportlab_fonts()
        self.y = HEIGHT - MARGIN

    def line(self, text: str, size: float = 11, bold: bool = False, indent: float = 0) -> None:
        font = self.bold if bold else self.regular
        for part in simpleSplit(text, font, size, WIDTH - 2 * MARGIN - indent) or [""]:
            if self.y < MARGIN + size:
                self.pdf.showPage()
                self.y = HEIGHT - MARGIN
            self.pdf.setFont(font, size)
            self.pdf.drawString(MARGIN + indent, self.y - size, part)
            self.y -= size * 1.35

    def gap(self, amount: float) -> None:
        self.y -= amount


def station_roster_pdf(station: PollingStation, rows: Iterable[ShiftRow]) -> bytes:
    """One A4 sheet (or more) per station: each shift and who works it, with a box to tick
    on arrival. Only the lead's phone is printed; the others' stay in the admin."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    with override("lv"):
        pdf.setTitle(_("Volunteer roster: %(station)s") % {"station": station.name})
        page = _Page(pdf)
        page.line(_("Volunteer roster"), 20, bold=True)
        page.line(station.name, 15, bold=True)
        page.line(station.address, 11)
        page.gap(4 * mm)
        for row in rows:
            start = timezone.localtime(row.shift.starts_at)
            end = timezone.localtime(row.shift.ends_at)
            page.line(f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}", 13, bold=True)
            for assignment in row.people:
                text = f"☐  {assignment.volunteer.name}"
                if assignment.is_lead:
                    text += "  — " + _("lead, phone %(phone)s") % {
                        "phone": assignment.volunteer.phone or "—"
                    }
                page.line(text, 11, indent=4 * mm)
            if not row.people:
                page.line(_("nobody yet"), 11, indent=4 * mm)
            page.gap(3 * mm)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def certificates_pdf(
    volunteers: Iterable[Volunteer], done: Callable[[int], None] = lambda count: None
) -> bytes:
    """A thank-you page per volunteer with their station(s) and hours; `done` hears how many
    pages are drawn."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    with override("lv"):
        pdf.setTitle(_("Thank-you certificates"))
        for count, volunteer in enumerate(volunteers, start=1):
            page = _Page(pdf)
            page.gap(40 * mm)
            page.line(_("Thank you!"), 34, bold=True)
            page.gap(8 * mm)
            page.line(volunteer.name, 22, bold=True)
            page.gap(4 * mm)
            page.line(
                _("volunteered at the children's and youth mock election „%(election)s”.")
                % {"election": volunteer.election.title},
                13,
            )
            page.gap(6 * mm)
            hours = 0.0
            for assignment in volunteer.assignments.all():
                shift = assignment.shift
                start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
                page.line(f"{shift.station.name}: {start:%d.%m.%Y %H:%M}–{end:%H:%M}", 12)
                hours += shift.hours
            page.gap(4 * mm)
            page.line(_("Hours given: %(hours)s") % {"hours": f"{hours:g}"}, 14, bold=True)
            pdf.showPage()
            done(count)
    pdf.save()
    return buffer.getvalue()
