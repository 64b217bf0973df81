"""A small RFC 5545 reader for the tests: unfold lines, split name and value."""


def parse_ics(text: str) -> dict[str, str]:
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    assert unfolded.startswith("BEGIN:VCALENDAR\r\n") and unfolded.endswith("END:VCALENDAR\r\n")
    event: dict[str, str] = {}
    inside = False
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            inside = True
        elif line == "END:VEVENT":
            return event
        elif inside and line:
            name, value = line.split(":", 1)
            event[name.split(";")[0]] = value
    raise AssertionError("no VEVENT")
