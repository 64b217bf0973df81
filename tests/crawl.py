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
