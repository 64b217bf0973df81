from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from base.selectors import search_pages


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def search(request):
    """Search over every published page (stories included) in the reader's language."""
    query = request.GET.get("q", "").strip()[:200]
    results_page = None
    if query:
        results = search_pages(query)
        results_page = Paginator(results, 10).get_page(request.GET.get("lapa"))
    return render(request, "base/search.html", {"query": query, "results_page": results_page})
