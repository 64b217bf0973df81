"""A strict RFC 5545 reader for the tests: every line ends in CRLF and is at most 75 octets,
continuation lines start with a space, components nest, and an event has what calendars
require (UID, DTSTAMP, DTSTART). Returns the calendar's and the event's properties."""

import re

_NAME = re.compile(r"^[A-Z][A-Z0-9-]*(;[^:]*)?$")


def unescape(value: str) -> str:
    """TEXT value to plain text; fails on a bad escape or a bare ";" or ","."""
    out, i = [], 0
    while i < len(value):
        char = value[i]
        assert char not in ";,", f"unescaped {char!r} in {value!r}"
        if char == "\\":
            assert i + 1 < len(value) and value[i + 1] in "\\;,nN", f"bad escape in {value!r}"
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_strict(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    raw_lines = text[:-2].split("\r\n")
    assert "\n" not in "".join(raw_lines) and "\r" not in "".join(raw_lines)
    for line in raw_lines:
        assert len(line.encode()) <= 75, f"line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in raw_lines:
        if line.startswith((" ", "\t")):
            assert lines, "a continuation before any line"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack: list[str] = []
    calendar: dict[str, str] = {}
    event: dict[str, str] = {}
    for line in lines:
        name, separator, value = line.partition(":")
        assert separator and _NAME.match(name), f"not a content line: {line!r}"
        if name == "BEGIN":
            stack.append(value)
        elif name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not close"
        elif stack == ["VCALENDAR"]:
            calendar[name] = value
        elif stack == ["VCALENDAR", "VEVENT"]:
            event[name.split(";")[0]] = value
    assert not stack, "unclosed component"
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
    for required in ("UID", "DTSTAMP", "DTSTART"):
        assert event.get(required), f"event without {required}"
    for stamp in ("DTSTAMP", "DTSTART", "DTEND"):
        assert re.fullmatch(r"\d{8}T\d{6}Z", event[stamp]), f"{stamp} not a UTC time"
    return calendar, event
