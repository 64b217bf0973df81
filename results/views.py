"""Public results surfaces: the results page, the participation counter and open data.

Each one asks the selectors whether the election is public yet; before that they answer
"not yet" (the page) or 404 (files and counters), for everyone, signed in or not.
"""

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from mock_elections.models import Election
from results import open_data
from results.middleware import FAST_PATH_SECONDS, can_use_fast_path, store_for_fast_path
from results.models import CityFollowUp
from results.selectors import (
    FINAL_RESULTS_CACHE_SECONDS,
    PRELIMINARY_RESULTS_CACHE_SECONDS,
    is_public,
    not_yet_cache_seconds,
    public_counter_total,
    public_results,
    results_status,
    results_version,
    shows_public_counter,
)

# Okabe–Ito: distinguishable with every common colour-vision deficiency; all ≥ 3:1 on white.
CHART_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#000000"]
COUNTER_CACHE_SECONDS = 10


def _follow_ups(election):
    follow_ups = {}
    for follow_up in CityFollowUp.objects.filter(question__election=election).select_related(
        "photo"
    ):
        follow_ups.setdefault(follow_up.question_id, []).append(follow_up)
    return follow_ups


def results_page_context(page, request, now):
    election = Election.objects.get(pk=page.election_id)
    data = public_results(election, now)
    context = page.get_context(request)
    context.update(
        {
            "election": election,
            "results": data,
            "counter": (
                public_counter_total(election)
                if data is None and shows_public_counter(election)
                else None
            ),
        }
    )
    if data is not None:
        follow_ups = _follow_ups(election)
        for position, question in enumerate(data["questions"]):
            question["follow_ups"] = follow_ups.get(question["id"], [])
            for index, option in enumerate(question["options"]):
                option["colour"] = CHART_COLOURS[index % len(CHART_COLOURS)]
            question["position"] = position + 1
    return election, data, context


def serve_results_page(page, request, *args, **kwargs):
    """Render the results page; for anonymous visitors the HTML is cached under a key that
    holds the election's status and release time, so a publication shows at once and "not
    yet" never outlives the release time. The rendered page also goes to the middleware's
    fast path (results.middleware) for at most a minute."""
    now = timezone.now()
    cacheable = can_use_fast_path(request) and not request.user.is_authenticated
    election = Election.objects.only("pk", "status", "results_release_at", "is_rehearsal").get(
        pk=page.election_id
    )
    public = is_public(election, now)
    published_at = page.last_published_at.timestamp() if page.last_published_at else 0
    key = (
        f"results:page:{page.pk}:{published_at}:{get_language()}"
        f":{results_version(election)}:{int(public)}"
    )
    if not public:
        seconds = not_yet_cache_seconds(election, now)
    elif getattr(results_status(election), "is_final", False):
        seconds = FINAL_RESULTS_CACHE_SECONDS
    else:
        seconds = PRELIMINARY_RESULTS_CACHE_SECONDS

    content = cache.get(key) if cacheable else None
    if content is None:
        _election, _data, context = results_page_context(page, request, now)
        response = TemplateResponse(request, page.get_template(request), context)
        response.render()
        content = response.content
        if cacheable:
            cache.set(key, content, seconds)
    else:
        response = HttpResponse(content)
    if cacheable:
        store_for_fast_path(
            request, response, seconds, waiting_for_election=None if public else election.pk
        )
        # A proxy in front may keep it as long, but never "not yet" past the release time.
        patch_cache_control(response, public=True, max_age=min(seconds, FAST_PATH_SECONDS))
    return response


def _counted_election(slug):
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    if not shows_public_counter(election):
        raise Http404
    return election


def _counter_total(election):
    key = f"results:counter:{election.pk}"
    total = cache.get(key)
    if total is None:
        total = public_counter_total(election)
        cache.set(key, total, COUNTER_CACHE_SECONDS)
    return total


@require_GET
@cache_control(public=True, max_age=COUNTER_CACHE_SECONDS)
def participation_counter(request, slug):
    """A small public page with the number of children who have voted so far."""
    election = _counted_election(slug)
    return render(
        request,
        "results/participation_counter.html",
        {"election": election, "voted": _counter_total(election)},
    )


@require_GET
@cache_control(public=True, max_age=COUNTER_CACHE_SECONDS)
def participation_counter_json(request, slug):
    election = _counted_election(slug)
    return JsonResponse({"election": election.slug, "voted": _counter_total(election)})


def _published_data(slug):
    election = get_object_or_404(Election, slug=slug, is_rehearsal=False)
    data = public_results(election)
    if data is None:
        raise Http404
    return data


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def open_data_table(request, slug, dataset, extension):
    """results or participation as CSV, XLSX or JSON (JSON holds both tables)."""
    data = _published_data(slug)
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
def open_data_election_report(request, slug):
    """The NIST SP 1500-100 Election Results Reporting JSON."""
    data = _published_data(slug)
    return _download(
        open_data.as_election_report(data), "application/json", f"{slug}-nist-err.json"
    )


@require_GET
def open_data_schema(request):
    """A page describing every open data file and column."""
    return render(request, "results/open_data_schema.html")
