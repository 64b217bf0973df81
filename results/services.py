"""Writing results data: the preliminary/final label and the official adult precinct figures.

A file that cannot be imported is refused whole with `base.refusals.Refused` (reason
"bad_file", every row's error in `details["errors"]`); the admin view shows them.
"""

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from base.refusals import Refused
from mock_elections.models import Election
from results.models import AdultElection, AdultPrecinctTurnout, ResultsStatus
from voting.services import close_ballot_box

PRECINCT_CSV_COLUMNS = ["precinct_number", "name", "registered_voters", "votes_cast"]
NUMBER_MAX_LENGTH = AdultPrecinctTurnout._meta.get_field("precinct_number").max_length or 0
NAME_MAX_LENGTH = AdultPrecinctTurnout._meta.get_field("name").max_length or 0
# Rows written per database round trip; the worker notes its progress after each.
WRITE_STEP = 200


User = AbstractBaseUser | AnonymousUser
PrecinctRow = tuple[str, str, int, int]  # number, name, registered voters, votes cast


@transaction.atomic
def mark_results(election: Election, *, is_final: bool, by: User | None = None) -> ResultsStatus:
    """Label an election's results preliminary or final; the audit log says who did. Final
    results destroy the ballot box's private key: nothing sealed can be opened after."""
    status, _created = ResultsStatus.objects.update_or_create(
        election=election, defaults={"is_final": is_final}
    )
    if is_final:
        close_ballot_box(election, by if isinstance(by, Account) else None)
    log(status, "results.marked_final" if is_final else "results.marked_preliminary", user=by)
    return status


@dataclass(frozen=True)
class RowError:
    row: int  # 1 is the header line, as a spreadsheet numbers it
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


def _refuse(errors: list[RowError]) -> Refused:
    """The file is refused whole; nothing is imported. `errors` says what and where."""
    return Refused("bad_file", "; ".join(str(error) for error in errors), errors=list(errors))


def _decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark from spreadsheet programs is fine), or the row where the
    first byte that is not UTF-8 sits."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        raise _refuse(
            [
                RowError(
                    row,
                    _(
                        "the file is not in UTF-8 encoding. Save it as “CSV UTF-8” and "
                        "upload it again."
                    ),
                )
            ]
        ) from error


def _whole_number(value: str, label: str, row: int, errors: list[RowError]) -> int | None:
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if not text.isdigit():
        errors.append(
            RowError(
                row,
                _("%(column)s must be a whole number, not “%(value)s”.")
                % {"column": label, "value": value.strip()},
            )
        )
        return None
    return int(text)


def parse_precinct_file(raw: bytes) -> list[PrecinctRow]:
    """Check every row of an official precinct CSV (columns: precinct number, name,
    registered voters, votes cast) and return the rows, or refuse with every error found."""
    text = _decode(raw)
    if not text.strip():
        raise _refuse([RowError(1, _("the file is empty."))])
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [column.strip().lower() for column in next(reader)]
    if header != PRECINCT_CSV_COLUMNS:
        raise _refuse(
            [
                RowError(
                    1,
                    _("the header must be “%(expected)s”, not “%(found)s”.")
                    % {
                        "expected": delimiter.join(PRECINCT_CSV_COLUMNS),
                        "found": delimiter.join(header),
                    },
                )
            ]
        )

    errors: list[RowError] = []
    rows: list[PrecinctRow] = []
    seen: dict[str, int] = {}
    for row_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(PRECINCT_CSV_COLUMNS):
            errors.append(
                RowError(
                    row_number,
                    _("expected %(expected)s columns, found %(found)s.")
                    % {"expected": len(PRECINCT_CSV_COLUMNS), "found": len(cells)},
                )
            )
            continue
        number, name = cells[0].strip(), cells[1].strip()
        # The stored columns' widths: a longer value would fail in the worker, not here.
        if len(number) > NUMBER_MAX_LENGTH:
            errors.append(
                RowError(
                    row_number,
                    _("the precinct number is longer than %(limit)s characters.")
                    % {"limit": NUMBER_MAX_LENGTH},
                )
            )
        if len(name) > NAME_MAX_LENGTH:
            errors.append(
                RowError(
                    row_number,
                    _("the precinct name is longer than %(limit)s characters.")
                    % {"limit": NAME_MAX_LENGTH},
                )
            )
        registered = _whole_number(cells[2], _("Registered voters"), row_number, errors)
        votes = _whole_number(cells[3], _("Votes cast"), row_number, errors)
        if not number:
            errors.append(RowError(row_number, _("the precinct number is missing.")))
        elif number in seen:
            errors.append(
                RowError(
                    row_number,
                    _("precinct %(number)s is already on row %(first)s.")
                    % {"number": number, "first": seen[number]},
                )
            )
        else:
            seen[number] = row_number
        if not name:
            errors.append(RowError(row_number, _("the precinct name is missing.")))
        if registered is not None and registered == 0:
            errors.append(RowError(row_number, _("registered voters must be more than 0.")))
        if registered is not None and votes is not None and votes > registered:
            errors.append(
                RowError(
                    row_number,
                    _("votes cast (%(votes)s) are more than registered voters (%(registered)s).")
                    % {"votes": votes, "registered": registered},
                )
            )
        if registered is not None and votes is not None:
            rows.append((number, name, registered, votes))
    if not rows and not errors:
        errors.append(RowError(2, _("the file has a header but no precincts.")))
    if errors:
        raise _refuse(errors)
    return rows


def import_precinct_turnout(
    adult_election: AdultElection, raw: bytes, by: User | None = None
) -> int:
    """Check a whole file and write it at once (the demo and scripts; the admin checks in the
    request and lets the task worker write). Returns how many precincts were imported."""
    rows = parse_precinct_file(raw)
    return write_precinct_turnout(adult_election, rows, by).written


@dataclass(frozen=True)
class WrittenPrecincts:
    written: int
    replaced: int


@transaction.atomic
def write_precinct_turnout(
    adult_election: AdultElection,
    rows: Sequence[PrecinctRow],
    by: User | None = None,
    note_progress: Callable[[int], None] | None = None,
) -> WrittenPrecincts:
    """Replace an adult election's precinct figures with checked rows, all or nothing: one
    transaction, so a reader never sees half a file. The specially-designed mark, set by hand
    in the admin, survives a re-import. The audit log records who imported how many
    precincts. `note_progress` hears how many rows are written after each step."""
    specially_designed = set(
        adult_election.precincts.filter(is_specially_designed=True).values_list(
            "precinct_number", flat=True
        )
    )
    _total, deleted = adult_election.precincts.all().delete()
    replaced = deleted.get(AdultPrecinctTurnout._meta.label, 0)
    for start in range(0, len(rows), WRITE_STEP):
        AdultPrecinctTurnout.objects.bulk_create(
            AdultPrecinctTurnout(
                adult_election=adult_election,
                precinct_number=number,
                name=name,
                registered_voters=registered,
                votes_cast=votes,
                is_specially_designed=number in specially_designed,
            )
            for number, name, registered, votes in rows[start : start + WRITE_STEP]
        )
        if note_progress is not None:
            note_progress(min(start + WRITE_STEP, len(rows)))
    log(adult_election, "results.turnout_imported", user=by, data={"precincts": len(rows)})
    return WrittenPrecincts(written=len(rows), replaced=replaced)
