"""Walk the public site by its links only, as a visitor would, from one language's home page.

Shared by the crawl test, the language test and the browser sweep: the page types a crawl
must reach are worked out from the data (every Wagtail page model with a live page in that
language) plus the public Django views, so a new page type is checked without editing a list."""

import datetime
import io
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

# Public Django views (namespace:name) every language must reach, while the demo keeps them
# open (the crawl fixture opens proposals and the volunteer sign-up).
PUBLIC_VIEWS = {
    "base:search",
    "results:open_data_schema",
    "mock_elections:propose_question",
    "people:sign_up",
}
# Addresses that are files or machine-readable, not pages a visitor reads.
NOT_PAGES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/", "/i18n/")
FILE_ENDINGS = (".pdf", ".png", ".jpg", ".svg", ".csv", ".xlsx", ".json", ".ics", ".xml", ".zip")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def in_language(path: str, language: str) -> bool:
    english = path == "/en/" or path.startswith("/en/")
    return english if language == "en" else not english


def _is_page_address(path: str) -> bool:
    return not path.startswith(NOT_PAGES) and not path.lower().endswith(FILE_ENDINGS)


@dataclass
class Crawl:
    language: str
    pages: dict[str, str] = field(default_factory=dict)  # address -> HTML
    types: dict[str, str] = field(default_factory=dict)  # page type -> first address


def page_type(response) -> str | None:
    page = (response.context or {}).get("page") if response.context is not None else None
    if isinstance(page, Page):
        return page.specific_class.__name__
    match = response.resolver_match
    return match.view_name if match and match.view_name in PUBLIC_VIEWS else None


def crawl(client: Client, language: str) -> Crawl:
    """Every address in this language reachable by links from its home page (GET only)."""
    start = "/en/" if language == "en" else "/"
    found = Crawl(language)
    queue, seen = deque([start]), {start}
    while queue:
        address = queue.popleft()
        response = client.get(address)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        found.pages[address] = html
        kind = page_type(response)
        if kind:
            found.types.setdefault(kind, address)
        for href in links_in(html):
            parts = urlsplit(urldefrag(href).url)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target in seen or not in_language(parts.path, language):
                continue
            if not _is_page_address(parts.path):
                continue
            seen.add(target)
            queue.append(target)
    return found


def expected_types(language: str) -> set[str]:
    """Every Wagtail page model with a live, public page in this language, and the views."""
    live = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    return {page.specific_class.__name__ for page in live} | PUBLIC_VIEWS


def load_demo_with_everything_open() -> None:
    """The demo, with an election taking proposals and its volunteer sign-up open, so the
    pages that exist only while they are open exist."""
    from mock_elections.models import Election
    from people.models import Roster

    call_command("load_demo", stdout=io.StringIO())
    day = timezone.localdate() + datetime.timedelta(days=90)
    opens = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    election, _created = Election.objects.get_or_create(
        slug="crawl-next",
        defaults={
            "title": "Nākamās bērnu vēlēšanas",
            "title_en": "The next children's election",
            "election_date": day,
            "voting_opens_at": opens,
            "voting_closes_at": opens + datetime.timedelta(hours=12),
            "results_release_at": opens + datetime.timedelta(hours=14),
        },
    )
    Roster.objects.update_or_create(election=election, defaults={"sign_up_open": True})


class _VisibleText(HTMLParser):
    """The text a reader meets: element text and the labels of alt, title, aria-label and
    placeholder, without scripts and styles."""

    LABELS = ("alt", "title", "aria-label", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts.extend(value for name, value in attrs if name in self.LABELS and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def ui_phrases(language: str) -> set[str]:
    """Phrases of the project's own catalogues that belong to the OTHER language: Latvian
    msgstr to look for on English pages, English msgid on Latvian pages. Only phrases of
    two words or more between placeholders, so a name or a number never counts."""
    import ast
    import re
    from pathlib import Path

    from django.conf import settings

    phrases = set()
    for catalogue in Path(settings.BASE_DIR).glob("*/locale/lv/LC_MESSAGES/django.po"):
        for msgid, msgstr in _entries(catalogue.read_text(encoding="utf-8"), ast.literal_eval):
            if not msgstr or msgstr == msgid:
                continue
            text = msgstr if language == "en" else msgid
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]*>|\n", text):
                piece = " ".join(piece.split()).strip(" .,:;–—-()")
                if len(piece.split()) >= 2:
                    phrases.add(piece)
    return phrases


def _entries(po_text: str, unquote) -> list[tuple[str, str]]:
    """(msgid, msgstr) of a catalogue's singular, current entries (a small reader: the
    catalogues are written by makemessages, one keyword per line, strings continued)."""
    entries, current, key = [], {}, None
    for line in po_text.splitlines() + [""]:
        if line.startswith(("msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[")):
            key, _space, value = line.partition(" ")
            if key == "msgid" and "msgid" in current:
                entries.append(current)
                current = {}
            current[key] = unquote(value)
        elif line.startswith('"') and key:
            current[key] += unquote(line)
        elif not line.strip() or line.startswith("#~"):
            key = None
    entries.append(current)
    return [
        (entry["msgid"], entry.get("msgstr", ""))
        for entry in entries
        if "msgid" in entry and "msgid_plural" not in entry
    ]
