from functools import cache
from pathlib import Path

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from base.forms import SearchForm
from base.selectors import search_pages


@require_safe
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def search(request: HttpRequest) -> HttpResponse:
    """Search over every published page (stories included) in the reader's language."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        # Keep what was typed in the box, less the characters no search can hold.
        typed = form.data.get("q", "").replace("\x00", "")
        context = {"form": form, "typed": typed, "query": "", "results_page": None}
        return render(request, "base/search.html", context, status=400)
    query = form.cleaned_data["q"]
    results_page = None
    if query:
        results = search_pages(query)
        results_page = Paginator(results, 10).get_page(request.GET.get("lapa"))
    context = {"form": form, "typed": query, "query": query, "results_page": results_page}
    return render(request, "base/search.html", context)


ICONS = Path(__file__).resolve().parent / "static" / "base" / "icons"
ICON_TYPES = {"favicon.ico": "image/x-icon", "apple-touch-icon.png": "image/png"}


@cache
def _icon_bytes(name: str) -> bytes:
    return (ICONS / name).read_bytes()


@require_safe
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def site_icon(request: HttpRequest, name: str) -> HttpResponse:
    """The icons browsers and phones ask for at the site root, whatever the page links."""
    return HttpResponse(_icon_bytes(name), content_type=ICON_TYPES[name])
