"""Walk the admin as one user and collect the words on every screen they can reach.

Visible text means text nodes outside scripts and styles, plus the attributes people read or
hear (title, aria-label, placeholder, alt, button values, tooltips) and the labels in the
sidebar's JSON props. Page content (titles, names, tags) is removed first, so a story
called "Why I vote" in the English tree is not counted as interface text."""

import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Common English interface words that are not Latvian words (so "no", "to", "par" are out).
ENGLISH_WORDS = frozenset(
    """
    about account action actions active activity add added after ago all already an and any
    approve approved are author available back be before by can cancel cannot change changed
    changes check choose clear click close collapse collection collections comment comments
    confirm content copy could create created current dashboard date day days delete deleted
    description details document documents done download draft edit edited editing editor
    email empty enter error errors expand expired export field fields file filter filters
    find first for forgot found from go has have help here hidden history if image images in
    into is it item items language last latest less live loading locked log login logout
    main manage menu minute minutes moderation month months more move my name new next none
    not nothing of on only or order other owner page pages password pending permission
    permissions please preview previous privacy private profile public publish published
    reason recent redirect redirects refresh reject rejected remove rename reply report
    reports request required reset restore results revision revisions review save saved
    schedule scheduled search second seconds see select selected send set settings share
    show showing sign site size sort status submit submitted summary sync task tasks than
    that the there this time title toggle translation translations type unlock unpublish
    unpublished update updated upload uploaded usage use used user users view visible was
    week weeks when which will with workflow workflows year years yes you your
    """.split()  # noqa: SIM905 - a word list reads best as text
)
LATVIAN_LETTERS = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
# A run of letters between neither letters nor digits: "MY" in a tally digest "2MY67-GJ95W"
# or a card code is no English word.
WORD = re.compile(r"(?<![^\W_])[^\W\d_]+(?![^\W_])")
TEXT_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
SKIPPED_ELEMENTS = {"script", "style", "textarea", "noscript"}
SKIPPED_PATHS = ("/admin/logout/", "/admin/jsi18n/", "/admin/bulk/")
# Previews show the public site, not the admin.
SKIPPED_ENDINGS = ("/view_draft/", "/preview/")
SKIPPED_PARTS = ("/workflow/preview/",)
# Time zone names in the account form ("Europe/Riga") are codes, not interface text.
TIME_ZONE = re.compile(r"^[A-Z][A-Za-z_]+(/[A-Za-z_+-]+)+$")
# Codes: model labels ("results.adultturnoutpage"), file names, CSV column lists.
CODE = re.compile(r"^([\w-]+\.[\w-]+|[\w.-]+\.(png|jpe?g|webp|gif|pdf|csv|xlsx|zip))$")
CSV_COLUMNS = re.compile(r"\b\w+_\w+(, \w+)+")
PER_PATTERN = 2


VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self.json_props: list[str] = []
        self.open: list[tuple[str, str]] = []  # (tag, "" | "hidden" | "json")

    @property
    def state(self) -> str:
        return self.open[-1][1] if self.open else ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.state:
            state = self.state
        elif tag == "script" and attributes.get("type") == "application/json":
            state = "json"
        elif tag in SKIPPED_ELEMENTS or "hidden" in attributes:
            state = "hidden"
        else:
            state = ""
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if not state:
            self.texts += [value for name, value in attrs if value and name in TEXT_ATTRIBUTES]
            if tag == "input" and attributes.get("type") in {"submit", "button"}:
                self.texts.append(attributes.get("value") or "")
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, state))

    def handle_endtag(self, tag):
        # Close up to the matching open tag; a stray end tag closes nothing.
        if any(open_tag == tag for open_tag, _state in self.open):
            while self.open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.state:
            self.texts.append(data)
        elif self.state == "json":
            self.json_props.append(data)


class FormFields(HTMLParser):
    """What a browser would send back from the biggest POST form on the screen, with the
    typed-in fields emptied: the form's error state."""

    BLANKED = {"text", "email", "url", "number", "search"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.fields = []
            self.forms.append(self.fields)
        if self.fields is not None and "data-block" in a and a.get("id"):
            # A StreamField the browser's script would fill; sent back empty.
            self.fields.append((a["id"].removeprefix("id_") + "-count", "0"))
        if self.fields is None or not a.get("name") and tag != "option":
            return
        kind = a.get("type", "text").lower()
        if tag == "input" and kind in {"checkbox", "radio"}:
            if "checked" in a:
                self.fields.append((a["name"], a.get("value", "on")))
        elif tag == "input" and kind not in {"submit", "button", "file"}:
            self.fields.append((a["name"], "" if kind in self.BLANKED else a.get("value", "")))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.fields.append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.fields = None
        elif tag == "select":
            self.select = None


def form_with_blanks(html: str) -> dict[str, list[str]] | None:
    parser = FormFields()
    parser.feed(html)
    if not parser.forms:
        return None
    data: dict[str, list[str]] = {}
    for name, value in max(parser.forms, key=len):
        data.setdefault(name, []).append(value)
    return data


def _from_json(value, texts, links):
    """Labels and URLs from the sidebar's (telepath-packed) props."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"label", "placeholder", "title"} and isinstance(item, str):
                texts.append(item)
            elif key in {"url", "href"} and isinstance(item, str):
                links.append(item)
            else:
                _from_json(item, texts, links)
    elif isinstance(value, list):
        for item in value:
            _from_json(item, texts, links)


def visible_text(html: str) -> tuple[list[str], list[str]]:
    parser = VisibleText()
    parser.feed(html)
    texts, links = parser.texts, parser.links
    for raw in parser.json_props:
        try:
            _from_json(json.loads(raw), texts, links)
        except ValueError:
            continue
    return [" ".join(text.split()) for text in texts if text.strip()], links


def without_content(text: str, content: list[str]) -> str:
    if text.endswith("…") and any(item.startswith(text[:-1]) for item in content):
        return ""  # a title shortened for a listing
    for item in content:
        if item in text:
            text = text.replace(item, " ")
    return CSV_COLUMNS.sub(" ", text)


def english_words(text: str) -> set[str]:
    return {word for word in WORD.findall(text) if word.lower() in ENGLISH_WORDS}


def is_english(text: str) -> bool:
    return bool(english_words(text))


def is_latvian(text: str) -> bool:
    return bool(LATVIAN_LETTERS.search(text))


def pattern(path: str) -> str:
    return re.sub(r"\d+", "N", path)


class Walk:
    """Breadth-first through admin links; at most PER_PATTERN pages per URL shape."""

    def __init__(self, client, content: list[str], limit: int = 200):
        self.client = client
        self.content = sorted({item for item in content if len(item) >= 2}, key=len, reverse=True)
        self.limit = limit
        self.found: dict[str, set[str]] = defaultdict(set)  # text -> paths
        self.visited: list[str] = []
        self.errors: list[tuple[str, int]] = []

    def note(self, path: str, texts: list[str], flag) -> None:
        for text in texts:
            stripped = without_content(text, self.content).strip()
            if (
                stripped
                and not TIME_ZONE.match(stripped)
                and not CODE.match(stripped)
                and flag(stripped)
            ):
                self.found[text].add(path)

    def read(self, path: str, response, flag) -> list[str]:
        if response.status_code >= 500:
            self.errors.append((path, response.status_code))
            return []
        content_type = response.get("Content-Type", "")
        if "json" in content_type:
            data = response.json()
            html = data.get("html", "") if isinstance(data, dict) else ""
        elif "html" in content_type and b"<" in response.content:
            # (A bare-text 400 answers a malformed upload request, never a person.)
            html = response.content.decode()
        else:
            return []
        texts, links = visible_text(html)
        self.note(path, texts, flag)
        return links

    def get(self, path: str, flag, send_back: bool = False) -> list[str]:
        response = self.client.get(path, follow=True)
        links = self.read(path, response, flag)
        if send_back and "html" in response.get("Content-Type", ""):
            data = form_with_blanks(response.content.decode())
            if data:
                self.post(path, data, flag)
        return links

    def post(self, path: str, data: dict, flag) -> None:
        response = self.client.post(path, data, follow=True)
        self.read(f"POST {path}", response, flag)

    def run(self, starts: list[str], flag, post_empty: bool = True) -> None:
        queue = list(starts)
        seen: set[str] = set()
        per_pattern: dict[str, int] = defaultdict(int)
        while queue and len(self.visited) < self.limit:
            path = urlsplit(queue.pop(0)).path
            if (
                not path.startswith("/admin/")
                or path in seen
                or path.startswith(SKIPPED_PATHS)
                or path.endswith(SKIPPED_ENDINGS)
                or any(part in path for part in SKIPPED_PARTS)
                or per_pattern[pattern(path)] >= PER_PATTERN
            ):
                continue
            seen.add(path)
            per_pattern[pattern(path)] += 1
            self.visited.append(path)
            # The error state: create and edit forms sent back with their fields emptied.
            send_back = post_empty and bool(re.search(r"/(add|new|create|edit)/", path))
            queue.extend(self.get(path, flag, send_back))

    def report(self) -> str:
        return "\n".join(
            f"{text!r}  ({sorted(paths)[0]})" for text, paths in sorted(self.found.items())
        )
