"""Reads for the stories pages: which stories to list, in which order, beside which."""

from django.db.models import Count
from django.utils.translation import get_language

from taggit.models import Tag
from wagtail.models import Locale

from base.models import District


def _live_stories():
    from stories.models import StoryPage

    return StoryPage.objects.live().public().select_related("district", "portrait")


def _current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def stories_for_index(index_page, district_slug="", topic=""):
    """The index's stories, featured first then newest, narrowed by district and topic."""
    stories = _live_stories().child_of(index_page)
    if district_slug:
        stories = stories.filter(district__slug=district_slug)
    if topic:
        stories = stories.filter(tags__slug=topic)
    return stories.order_by("-featured", "-first_published_at", "title").distinct()


def districts_with_stories(index_page):
    """Districts offered in the filter: those that have a live story on this index."""
    story_ids = _live_stories().child_of(index_page).values("district_id")
    return District.objects.filter(pk__in=story_ids)


def topics_of_stories(index_page):
    story_ids = _live_stories().child_of(index_page).values("pk")
    return (
        Tag.objects.filter(stories_storypagetag_items__content_object_id__in=story_ids)
        .annotate(story_count=Count("stories_storypagetag_items"))
        .order_by("name")
    )


def neighbour_stories(story):
    """The previous and next story of the same index in list order, for reading on."""
    order = list(
        _live_stories()
        .sibling_of(story, inclusive=True)
        .order_by("-featured", "-first_published_at", "title")
        .values_list("pk", flat=True)
    )
    if story.pk not in order:
        return None, None
    position = order.index(story.pk)
    previous_pk = order[position - 1] if position > 0 else None
    next_pk = order[position + 1] if position + 1 < len(order) else None
    neighbours = _live_stories().defer_streamfields().in_bulk([previous_pk, next_pk])
    return neighbours.get(previous_pk), neighbours.get(next_pk)


def related_stories(story, limit=3):
    """Other stories from the same district: neighbours speaking to neighbours."""
    return (
        _live_stories()
        .sibling_of(story, inclusive=False)
        .filter(district_id=story.district_id)
        .order_by("-featured", "-first_published_at")[:limit]
    )


def stories_for_teasers(chosen_pages, count):
    """The editor's chosen stories in the current language, else the newest featured ones."""
    locale = _current_locale()
    if chosen_pages:
        keys = [page.translation_key for page in chosen_pages if page]
        by_key = {
            story.translation_key: story
            for story in _live_stories().filter(translation_key__in=keys, locale=locale)
        }
        return [by_key[key] for key in keys if key in by_key][:count]
    return list(
        _live_stories().filter(locale=locale).order_by("-featured", "-first_published_at")[:count]
    )


def latest_stories(limit=20, language_code=None):
    """Newest published stories in one language, for the feed."""
    language_code = language_code or (get_language() or "lv").split("-")[0]
    return (
        _live_stories()
        .filter(locale__language_code=language_code)
        .order_by("-first_published_at")[:limit]
    )
