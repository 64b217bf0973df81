"""Reads for the stories pages: which stories to list, in which order, beside which."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from taggit.models import Tag
from wagtail.models import Page
from wagtail.query import PageQuerySet

from base.models import District
from base.site_chrome import (
    current_language,
    home_in_each_language,
    in_current_language,
    menu_pages,
    without_private,
)

if TYPE_CHECKING:
    from stories.models import StoryIndexPage, StoryPage

# The order every list of stories follows: featured first, then newest, then by title; the
# id settles ties so "previous" and "next" always agree with the list.
LIST_ORDER = ("-featured", "-first_published_at", "title", "pk")


def _live_stories(for_cards: bool = True) -> PageQuerySet:
    """Live, public stories; `for_cards` also joins what a story card shows."""
    # Imported here because stories.models calls these selectors from its page methods.
    from stories.models import StoryPage

    stories = without_private(StoryPage.objects.live())
    return stories.select_related("district", "portrait") if for_cards else stories


def stories_for_index(
    index_page: StoryIndexPage, district_slug: str = "", topic: str = ""
) -> PageQuerySet:
    """The index's stories, featured first then newest, narrowed by district and topic."""
    stories = _live_stories().child_of(index_page)
    if district_slug:
        stories = stories.filter(district__slug=district_slug)
    if topic:
        stories = stories.filter(tags__slug=topic)
    return stories.order_by(*LIST_ORDER).distinct()


def districts_with_stories(index_page: StoryIndexPage) -> QuerySet[District]:
    """Districts offered in the filter: those that have a live story on this index."""
    story_ids = _live_stories(for_cards=False).child_of(index_page).values("district_id")
    return District.objects.filter(pk__in=story_ids)


def topics_of_stories(index_page: StoryIndexPage) -> QuerySet[Tag]:
    story_ids = _live_stories(for_cards=False).child_of(index_page).values("pk")
    return (
        Tag.objects.filter(stories_storypagetag_items__content_object_id__in=story_ids)
        .annotate(story_count=Count("stories_storypagetag_items"))
        .order_by("name")
    )


def _after_in_list(story: StoryPage) -> Q:
    """Stories that come after `story` in LIST_ORDER (featured desc, published desc, title,
    id), as one condition the database answers from the sibling's path and the order."""
    featured, published = story.featured, story.first_published_at
    same_featured = Q(featured=featured)
    same_published = same_featured & Q(first_published_at=published)
    same_title = same_published & Q(title=story.title)
    return (
        Q(featured__lt=featured)
        | (same_featured & Q(first_published_at__lt=published))
        | (same_published & Q(title__gt=story.title))
        | (same_title & Q(pk__gt=story.pk))
    )


def neighbour_stories(story: StoryPage) -> tuple[StoryPage | None, StoryPage | None]:
    """The previous and next story of the same index in list order, for reading on: two
    queries of one row each."""
    if not story.live or story.first_published_at is None:
        return None, None
    # Only a name and an address are shown, so no card joins: a cheaper query to build.
    siblings = _live_stories(for_cards=False).sibling_of(story, inclusive=False)
    siblings = siblings.defer_streamfields()
    after = _after_in_list(story)
    reversed_order = [name[1:] if name.startswith("-") else f"-{name}" for name in LIST_ORDER]
    previous = siblings.filter(~after).order_by(*reversed_order).first()
    following = siblings.filter(after).order_by(*LIST_ORDER).first()
    return previous, following


def vote_url(request: HttpRequest, story_index: StoryIndexPage) -> str:
    """Where a story's closing call to vote leads: the index's how-to-vote page in the
    reader's language when it is live, else the home page."""
    page_id = story_index.vote_page_id
    if page_id is not None:
        # Usually a menu page, which the layout has read already: no query of its own.
        in_menu = {page.pk: page for page in menu_pages(request)}
        page = in_menu.get(page_id) or story_index.vote_page
        if page is not None and page.live:
            url = in_current_language(request, page).get_url(request)
            if url:
                return url
    home = home_in_each_language(request).get(current_language())
    return (home.get_url(request) if home else None) or "/"


def related_stories(story: StoryPage, limit: int = 3) -> list[StoryPage]:
    """Other stories from the same district: neighbours speaking to neighbours."""
    return list(
        _live_stories()
        .sibling_of(story, inclusive=False)
        .filter(district_id=story.district_id)
        .order_by(*LIST_ORDER)[:limit]
    )


def stories_for_teasers(chosen_pages: Sequence[Page | None], count: int) -> list[StoryPage]:
    """The editor's chosen stories in the current language, else the newest featured ones."""
    # By language code, in the same query: the layout already looked the locale up once.
    in_language = _live_stories().filter(locale__language_code=current_language())
    if chosen_pages:
        keys = [page.translation_key for page in chosen_pages if page]
        by_key = {
            story.translation_key: story for story in in_language.filter(translation_key__in=keys)
        }
        return [by_key[key] for key in keys if key in by_key][:count]
    return list(in_language.order_by("-featured", "-first_published_at")[:count])


def latest_stories(limit: int = 20, language_code: str | None = None) -> PageQuerySet:
    """Newest published stories in one language, for the feed."""
    language_code = language_code or current_language()
    return (
        _live_stories()
        .filter(locale__language_code=language_code)
        .order_by("-first_published_at")[:limit]
    )
