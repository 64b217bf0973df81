"""Public results surfaces: the results page, the participation counter and open data.

Each one asks the selectors whether the election is public yet; before that they answer
"not yet" (the page) or 404 (files and counters), for everyone, signed in or not.
"""

import datetime
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from mock_elections.models import Election
from results import open_data, open_data_years
from results.middleware import FAST_PATH_SECONDS, can_use_fast_path, store_for_fast_path
from results.models import CityFollowUp, ElectionResultsPage
from results.selectors import (
    FINAL_RESULTS_CACHE_SECONDS,
    PRELIMINARY_RESULTS_CACHE_SECONDS,
    Publication,
    PublicResults,
    across_years_version,
    district_map,
    elections_across_years,
    is_public,
    not_yet_cache_seconds,
    outlines_version,
    page_publications,
    public_counter_total,
    public_elections,
    public_results,
    publication_of,
    shows_public_counter,
)
from results.single_flight import compute_once

COUNTER_CACHE_SECONDS = 10
# While another process computes just-published results (results.single_flight), a reader
# may briefly get "not yet" although the results are public: that answer is never kept, and
# open data files say to ask again after this long.
BUSY_SECONDS = 2


def _follow_ups(election: Election) -> dict[int, list[CityFollowUp]]:
    follow_ups: dict[int, list[CityFollowUp]] = {}
    for follow_up in CityFollowUp.objects.filter(question__election=election).select_related(
        "photo"
    ):
        follow_ups.setdefault(follow_up.question_id, []).append(follow_up)
    return follow_ups


def results_page_context(
    page: ElectionResultsPage,
    request: HttpRequest,
    now: datetime.datetime,
    publication: Publication,
    all_public: tuple[Publication, ...],
) -> tuple[PublicResults | None, dict[str, Any]]:
    """`publication`: the page's election as this request read it; `all_public`: every
    public election, likewise."""
    election = publication.election
    data = public_results(publication, now)
    context = page.get_context(request)
    context.update(
        {
            "election": election,
            "results": data,
            "follow_ups": _follow_ups(election) if data is not None else {},
            "district_map": district_map(data.participation.districts) if data else None,
            "across_years": elections_across_years(all_public),
            "counter": (
                public_counter_total(election)
                if data is None and shows_public_counter(election)
                else None
            ),
        }
    )
    return data, context


def serve_results_page(
    page: ElectionResultsPage, request: HttpRequest, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Render the results page; for anonymous visitors the HTML is cached under a key that
    holds the election's status and release time (and every public election's, for the years,
    and the district outlines, for the map), so a publication shows at once and "not
    yet" never outlives the release time. The rendered page also goes to the middleware's
    fast path (results.middleware) for at most a minute."""
    now = timezone.now()
    cacheable = can_use_fast_path(request) and not request.user.is_authenticated
    # Read afresh for every request, once: the key, the lifetime and the page agree.
    publication, all_public = page_publications(page.election_id, now)
    election = publication.election
    public = is_public(election, now)
    published_at = page.last_published_at.timestamp() if page.last_published_at else 0
    key = (
        f"results:page:{page.pk}:{published_at}:{get_language()}"
        f":{publication.version}:{int(public)}:{across_years_version(all_public)}"
        f":{outlines_version()}"
    )
    if not public:
        seconds = not_yet_cache_seconds(election, now)
    elif publication.is_final:
        seconds = FINAL_RESULTS_CACHE_SECONDS
    else:
        seconds = PRELIMINARY_RESULTS_CACHE_SECONDS

    def render() -> tuple[bytes, bool]:
        """The page's HTML, and whether it may be kept: not when the results are public but
        still being computed elsewhere, so this reader got "not yet" meanwhile."""
        data, context = results_page_context(page, request, now, publication, all_public)
        rendered = TemplateResponse(request, page.get_template(request), context).render()
        return rendered.content, not (public and data is None)

    def render_to_keep() -> bytes | None:
        content, keep = render()
        return content if keep else None

    # One render per publication and language, however many readers arrive at once.
    content = compute_once(key, render_to_keep, lambda _html: seconds) if cacheable else None
    if content is None:
        # Signed in, or nothing could be kept: this reader's own page, kept nowhere.
        content, _keep = render()
        cacheable = False
    response = HttpResponse(content)
    if cacheable:
        store_for_fast_path(
            request, response, seconds, waiting_for_election=None if public else election.pk
        )
        # A proxy in front may keep it as long, but never "not yet" past the release time.
        patch_cache_control(response, public=True, max_age=min(seconds, FAST_PATH_SECONDS))
    return response


def _counted_election(slug: str) -> Election:
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    if not shows_public_counter(election):
        raise Http404
    return election


def _counter_total(election: Election) -> int:
    key = f"results:counter:{election.pk}"
    total = cache.get(key)
    if total is None:
        total = public_counter_total(election)
        cache.set(key, total, COUNTER_CACHE_SECONDS)
    return total


@require_GET
@cache_control(public=True, max_age=COUNTER_CACHE_SECONDS)
def participation_counter(request: HttpRequest, slug: str) -> HttpResponse:
    """A small public page with the number of children who have voted so far."""
    election = _counted_election(slug)
    return render(
        request,
        "results/participation_counter.html",
        {"election": election, "voted": _counter_total(election)},
    )


@require_GET
@cache_control(public=True, max_age=COUNTER_CACHE_SECONDS)
def participation_counter_json(request: HttpRequest, slug: str) -> JsonResponse:
    election = _counted_election(slug)
    return JsonResponse({"election": election.slug, "voted": _counter_total(election)})


class ResultsBeingCounted(Exception):
    """Results just published are being computed by another process: ask again shortly."""


def _published_data(slug: str) -> PublicResults:
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    if not is_public(election):
        raise Http404
    data = public_results(publication_of(election))
    if data is None:
        raise ResultsBeingCounted
    return data


def _being_counted() -> HttpResponse:
    response = HttpResponse(
        _("The results are being prepared. Try again in a few seconds."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(BUSY_SECONDS)
    return response


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def open_data_table(request: HttpRequest, slug: str, dataset: str, extension: str) -> HttpResponse:
    """results or participation as CSV, XLSX or JSON (JSON holds both tables)."""
    try:
        data = _published_data(slug)
    except ResultsBeingCounted:
        return _being_counted()
    filename = f"{slug}-{dataset}.{extension}"
    if extension == "csv":
        return _download(
            open_data.as_csv(open_data.frame_for(data, dataset)),
            "text/csv; charset=utf-8",
            filename,
        )
    if extension == "xlsx":
        frames = {
            "results": open_data.results_frame(data),
            "participation": open_data.participation_frame(data),
        }
        return _download(open_data.as_xlsx(frames), XLSX_TYPE, f"{slug}-open-data.xlsx")
    return _download(open_data.as_json(data), "application/json", f"{slug}-open-data.json")


@require_GET
def open_data_election_report(request: HttpRequest, slug: str) -> HttpResponse:
    """The NIST SP 1500-100 Election Results Reporting JSON."""
    try:
        data = _published_data(slug)
    except ResultsBeingCounted:
        return _being_counted()
    return _download(
        open_data.as_election_report(data), "application/json", f"{slug}-nist-err.json"
    )


@require_GET
@cache_control(public=True, max_age=PRELIMINARY_RESULTS_CACHE_SECONDS)
def open_data_across_years(request: HttpRequest, dataset: str = "") -> HttpResponse:
    """Every public election side by side: participation or answers as CSV, or both as JSON
    (no dataset)."""
    elections = elections_across_years(public_elections())
    if dataset == "participation":
        content = open_data_years.as_csv(
            open_data_years.participation_rows(elections), open_data_years.PARTICIPATION_COLUMNS
        )
    elif dataset == "answers":
        content = open_data_years.as_csv(
            open_data_years.answer_rows(elections), open_data_years.ANSWER_COLUMNS
        )
    else:
        return _download(
            open_data_years.as_json(elections), "application/json", "all-elections.json"
        )
    return _download(content, "text/csv; charset=utf-8", f"all-elections-{dataset}.csv")


@require_GET
def open_data_schema(request: HttpRequest) -> HttpResponse:
    """A page describing every open data file and column."""
    return render(request, "results/open_data_schema.html")
