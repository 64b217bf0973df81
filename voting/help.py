"""“What to do if…”: the station's help, written once and shown twice — on the A4 card
printed for each station (Latvian and English) and in the tablet's volunteer menu. Both read
``SITUATIONS``, so the paper and the screen never tell volunteers different things."""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from base.fonts import register_reportlab_fonts
from mock_elections.models import PollingStation
from people.models import Roster


@dataclass(frozen=True)
class Situation:
    title: Promise
    steps: tuple[Promise, ...]


SITUATIONS = (
    Situation(
        _("There is no network"),
        (
            _("Keep voting: the tablet keeps each vote and sends it when the network is back."),
            _("Do not close the tablet app or clear the browser: waiting votes live in it."),
            _("When the network is back, open the volunteer menu and tap “Sync now”."),
            _("Before closing, wait until no vote is waiting to sync."),
        ),
    ),
    Situation(
        _("A card is spoiled (torn, wet, cannot be read)"),
        (
            _("Take the card back before it is used."),
            _("Volunteer menu → “Spoil a ballot”: type the code on the card and the reason."),
            _("Give the child a new card."),
            _("Keep the spoiled card in the envelope for the closing count."),
        ),
    ),
    Situation(
        _("A child changes their mind"),
        (
            _("Before the last tap the child can go back and choose again."),
            _("A vote that is confirmed cannot be changed: one card, one vote."),
            _("Explain it kindly and never give a second card to the same child."),
        ),
    ),
    Situation(
        _("The battery runs low"),
        (
            _("Plug the tablet in; confirmed votes stay on it even if it switches off."),
            _("Meanwhile use the second tablet, or paper ballots if there is none."),
            _("When it starts again, open the station page, unlock with the PIN and sync."),
        ),
    ),
    Situation(
        _("A card is lost or says “already used”"),
        (
            _("A card that was used cannot vote again; ask the child calmly what happened."),
            _("If a card was lost before voting, give a new one and spoil the lost code."),
            _("Call the organiser if it happens more than once."),
        ),
    ),
    Situation(
        _("A parent wants to watch"),
        (
            _("A parent may stand beside a young child and read the question aloud."),
            _("The child chooses: nobody else taps the answer."),
            _("Nobody photographs the screen while a child votes."),
        ),
    ),
    Situation(
        _("Closing the station, step by step"),
        (
            _("At closing time, let the children already waiting finish."),
            _("Volunteer menu → “Sync now”; wait until no vote is waiting."),
            _("“Close the station” → confirm."),
            _("Count the unused and spoiled cards."),
            _("Download the closing certificate; two volunteers sign it."),
            _("Once the station is counted, post its results sheet at the station."),
            _("Hand the tablets, cards and envelopes to the organiser."),
        ),
    ),
)


def organiser_phone(station: PollingStation) -> str:
    """The station's own organiser phone, else the one on the election's volunteer roster."""
    if station.organiser_phone:
        return station.organiser_phone
    roster = Roster.objects.filter(election_id=station.election_id).first()
    return roster.organiser_phone if roster else ""


def contact_lines(station: PollingStation) -> list[str]:
    """Who to call, in the active language; only what the organiser filled in."""
    lines = []
    if station.help_contact_name:
        lines.append(gettext("PIN holder: %(name)s") % {"name": station.help_contact_name})
    phone = organiser_phone(station)
    if phone:
        lines.append(gettext("Organiser's phone: %(phone)s") % {"phone": phone})
    return lines


def help_card_pdf(station: PollingStation, language: str) -> bytes:
    """The station's A4 help card in ``language`` ("lv" or "en"). Text wraps and flows onto a
    second page rather than being cut."""
    regular, bold = register_reportlab_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=14.5)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=20, leading=24)
    subheading = ParagraphStyle(
        "subheading", parent=body, fontName=bold, fontSize=13, leading=17, spaceBefore=8
    )
    with translation.override(language):
        # What organisers typed is text, never ReportLab markup.
        story = [
            Paragraph(escape(gettext("What to do if…")), heading),
            Paragraph(escape(f"{station.name} · {station.address}"), body),
        ]
        story += [Paragraph(escape(line), subheading) for line in contact_lines(station)]
        story.append(Spacer(1, 3 * mm))
        for situation in SITUATIONS:
            steps = ListFlowable(
                [Paragraph(escape(str(step)), body) for step in situation.steps],
                bulletType="1",
                bulletFontName=regular,
                bulletFontSize=11,
                leftIndent=14,
            )
            story.append(KeepTogether([Paragraph(escape(str(situation.title)), subheading), steps]))
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=f"{gettext('What to do if…')} · {station.name}",
            leftMargin=16 * mm,
            rightMargin=16 * mm,
            topMargin=14 * mm,
            bottomMargin=14 * mm,
        )
        document.build(story)
    return buffer.getvalue()
