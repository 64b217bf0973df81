"""One-event iCalendar files (RFC 5545) for add-to-calendar links and e-mail attachments.

Calendars are strict about the details that hand-written files get wrong: lines end in CRLF,
no line is longer than 75 octets (longer ones are folded, never inside a UTF-8 character),
text escapes backslash, semicolon, comma and newline, and every event has a UID and DTSTAMP.
Times are written in UTC so every calendar places them right without a time-zone block."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

PRODID = "-//Liepaja ir Tava balss//LV"
_LINE_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


def escape_text(text: str) -> str:
    """A TEXT value: line breaks become \\n and other control characters, which no
    calendar line may hold, are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [
        "".join(char for char in line if char == "\t" or ord(char) >= 32 and char != "\x7f")
        for line in lines
    ]
    return "\\n".join(
        line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for line in cleaned
    )


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold_line(line: str) -> str:
    """Split a content line into CRLF+space continued pieces of at most 75 octets each."""
    pieces: list[str] = []
    current, size = "", 0
    limit = _LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = char, width, _LINE_OCTETS - 1
        else:
            current += char
            size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar_file(event: CalendarEvent, now: datetime.datetime | None = None) -> str:
    """The text of a VCALENDAR holding one VEVENT, ready to serve as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(now or timezone.now())}",
        f"DTSTART:{utc_stamp(event.starts_at)}",
        f"DTEND:{utc_stamp(event.ends_at)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold_line(line) + "\r\n" for line in lines)
