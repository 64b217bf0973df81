"""Reading the count: participation and results of a children's election, what of it the public
may see and when, and the adult turnout comparison. One import for callers; the modules:

- publication: who may see what, when (release rules, cache keys), each request reading an
  election's results status once
- participation: votes per station, district, age band and hour
- counting: every question's votes per answer, district and age band
- figures: every published number and the sums between them (what suppression works on)
- tables / public: what the public sees, suppressed and computed once per publication
- turnout: the adult turnout comparison; beside_adults: its precinct groups (M26)
- across_years: every public election side by side (M42)
- district_map: participation per district on a map

Every count is one GROUP BY in the database (`values(...).annotate(...)`); Python only adds up
the grouped rows (a few hundred at most), never individual votes.
"""

from results.selectors.across_years import across_years_version, elections_across_years
from results.selectors.counting import (
    AnswerRow,
    Area,
    Breakdown,
    ElectionCount,
    QuestionCount,
    election_results,
)
from results.selectors.district_map import DistrictMap, district_map, outlines_version
from results.selectors.figures import Figure, election_figures
from results.selectors.participation import live_participation, participation
from results.selectors.public import build_public_results, hidden_figures, public_results
from results.selectors.publication import (
    ABSTAIN,
    FINAL_RESULTS_CACHE_SECONDS,
    NOT_YET_CACHE_SECONDS,
    PAPER,
    PRELIMINARY_RESULTS_CACHE_SECONDS,
    TABLET,
    Publication,
    is_public,
    not_yet_cache_seconds,
    page_publications,
    public_counter_total,
    public_elections,
    publication_of,
    publications_of,
    results_status,
    shows_public_counter,
    small_count_threshold,
)
from results.selectors.tables import (
    AreaCount,
    BandCount,
    ElectionHeader,
    OptionResult,
    PublicParticipation,
    PublicQuestion,
    PublicResults,
    ResultsTable,
    TableColumn,
    TableRow,
)
from results.selectors.turnout import turnout_comparison

__all__ = [
    "ABSTAIN",
    "FINAL_RESULTS_CACHE_SECONDS",
    "NOT_YET_CACHE_SECONDS",
    "PAPER",
    "PRELIMINARY_RESULTS_CACHE_SECONDS",
    "TABLET",
    "AnswerRow",
    "Area",
    "AreaCount",
    "DistrictMap",
    "BandCount",
    "Breakdown",
    "ElectionCount",
    "ElectionHeader",
    "Figure",
    "OptionResult",
    "Publication",
    "PublicParticipation",
    "PublicQuestion",
    "PublicResults",
    "QuestionCount",
    "ResultsTable",
    "TableColumn",
    "TableRow",
    "across_years_version",
    "build_public_results",
    "district_map",
    "election_figures",
    "election_results",
    "elections_across_years",
    "hidden_figures",
    "is_public",
    "live_participation",
    "not_yet_cache_seconds",
    "outlines_version",
    "page_publications",
    "participation",
    "public_counter_total",
    "public_elections",
    "public_results",
    "publication_of",
    "publications_of",
    "results_status",
    "shows_public_counter",
    "small_count_threshold",
    "turnout_comparison",
]
