"""Files made from a published story: share cards and the print poster."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from stories import card_files, cards, posters, tasks
from stories.models import StoryPage


def _live_story(page_id):
    return get_object_or_404(
        StoryPage.objects.live().public().select_related("district", "portrait", "locale"),
        pk=page_id,
    )


def card_response(story, size):
    """The card drawn now: the admin's proof of a story's latest (maybe unpublished)
    revision, which no stored file could hold."""
    if size not in cards.FORMATS:
        raise Http404("Unknown card size")
    text = cards.story_card_text(story, *cards.site_facts(story))
    response = HttpResponse(cards.story_card(story, size, text), content_type="image/png")
    version = f"{story.card_version()}-{cards.card_text_version(text)}"
    response["ETag"] = f'"{story.pk}-{size}-{version}"'
    return response


def published_card_response(story, size):
    """The published story's stored card. Not drawn yet (just published, the election day
    changed, or the worker is behind): drawn here once (the drawing is cached) and the
    worker asked to store every format, so the visitor never waits for the queue."""
    if size not in cards.FORMATS:
        raise Http404("Unknown card size")
    version = card_files.current_version(story)
    stored = card_files.stored_card(story.pk, version, size)
    if stored is not None:
        response = FileResponse(
            default_storage.open(stored), content_type="image/png", filename=f"karte-{size}.png"
        )
    else:
        response = HttpResponse(
            cards.story_card(story, size, version.text), content_type="image/png"
        )
        tasks.queue_missing_cards(story.pk, version)
    response["ETag"] = f'"{story.pk}-{size}-{version.name}"'
    return response


def poster_response(story, request):
    url = request.build_absolute_uri(story.get_url(request)) if story.live else ""
    response = HttpResponse(posters.story_poster_pdf(story, url), content_type="application/pdf")
    filename = f"plakats-{slugify(story.display_name) or story.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@cache_control(public=True, max_age=60 * 10)
def share_card(request, page_id, size):
    return published_card_response(_live_story(page_id), size)


@require_safe
@cache_control(public=True, max_age=60 * 10)
def poster(request, page_id):
    return poster_response(_live_story(page_id), request)
