"""The precinct finder: which adult polling precinct serves a street, a district or a number.

Residents type street names the way their keyboard lets them, often without Latvian
diacritics ("Ganibu" for "Ganību"), with a house number and in any case. Both the query and
the precinct's lines are folded the same way (NFKD, combining marks dropped, casefolded) and
every word of the query must appear in one line. House numbers are dropped from the query,
because the lists name streets, not buildings. There are a dozen precincts, so the match runs
in Python and behaves the same on SQLite and PostgreSQL."""

import re
import unicodedata
from dataclasses import dataclass

from base.models import Precinct

MAX_QUERY_LENGTH = 100
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class PrecinctMatch:
    """A precinct the query found, with the lines of it that matched (empty when the number,
    the name or the district matched rather than a street)."""

    precinct: Precinct
    matched_areas: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case without diacritics: "Ganību" and "GANIBU" fold to the same "ganibu"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _contains_all(words: list[str], line: str) -> bool:
    folded = fold(line)
    return all(word in folded for word in words)


def find_precincts(query: str) -> list[PrecinctMatch]:
    """Precincts matching the query by number, street or area, district, name or address, in
    number order; empty for a blank query (the page then lists every precinct)."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    words = _words(query)
    numbers = set(_NUMBER.findall(query))
    if not words and not numbers:
        return []
    matches = []
    for precinct in Precinct.objects.select_related("district"):
        if not words:
            if precinct.number in numbers:
                matches.append(PrecinctMatch(precinct, ()))
            continue
        areas = tuple(line for line in precinct.area_lines if _contains_all(words, line))
        district = precinct.district.name if precinct.district else ""
        itself = f"{precinct.number} {precinct.name} {precinct.address} {district}"
        if areas or _contains_all(words, itself):
            matches.append(PrecinctMatch(precinct, areas))
    return matches
