"""What the public sees of one election, as frozen dataclasses: the page, the open data files
and the adult turnout comparison all read these. A hidden count is None."""

import datetime
from dataclasses import dataclass

from results.selectors.counting import ColumnKey, RowKey
from voting.selectors import StationDigest

Shown = int | None  # a published count, or None where it is hidden


@dataclass(frozen=True)
class ElectionHeader:
    id: int
    slug: str
    title: str
    title_en: str
    election_date: datetime.date
    is_final: bool


@dataclass(frozen=True)
class AreaCount:
    """Who voted in one place (a station or a district): on tablets, on paper, together."""

    id: int
    name: str
    tablet: Shown
    paper: Shown
    total: Shown
    district: str = ""  # stations only
    adult_precinct_number: str = ""  # stations only


@dataclass(frozen=True)
class BandCount:
    """Tablet votes of one age band (paper ballots carry no age)."""

    id: int
    label: str
    votes: Shown


@dataclass(frozen=True)
class PublicParticipation:
    stations: tuple[AreaCount, ...]
    districts: tuple[AreaCount, ...]
    age_bands: tuple[BandCount, ...]
    tablet: Shown
    paper: Shown
    total: Shown


@dataclass(frozen=True)
class TableColumn:
    """A district, an age band or the paper ballots, with its column total."""

    id: ColumnKey
    label: str
    total: Shown
    is_paper: bool = False


@dataclass(frozen=True)
class TableRow:
    """One answer across the columns, with its row total."""

    key: RowKey
    label: str
    label_en: str
    cells: tuple[Shown, ...]
    total: Shown
    is_abstain: bool = False


@dataclass(frozen=True)
class ResultsTable:
    columns: tuple[TableColumn, ...]
    rows: tuple[TableRow, ...]
    total: Shown


@dataclass(frozen=True)
class OptionResult:
    id: int
    label: str
    label_en: str
    votes: Shown
    percent: float | None  # share of the answers that chose an option


@dataclass(frozen=True)
class PublicQuestion:
    id: int
    text: str
    text_en: str
    options: tuple[OptionResult, ...]
    abstentions: Shown
    abstention_percent: float | None  # share of all answers
    valid: Shown  # answers that chose an option
    total: Shown
    by_district: ResultsTable
    by_age_band: ResultsTable


@dataclass(frozen=True)
class PublicResults:
    election: ElectionHeader
    threshold: int
    participation: PublicParticipation
    questions: tuple[PublicQuestion, ...]
    # Each counted station's tally digest, as printed on its signed closing certificate: an
    # observer who photographed a certificate compares the two.
    station_digests: tuple[StationDigest, ...] = ()
