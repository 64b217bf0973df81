"""Stories' background work (django-tasks: the database queue in production, run at once in
tests): drawing a published story's share cards, so no visitor's request draws them."""

from django_tasks import task

from django.core.cache import cache
from django.db import transaction

from stories import card_files
from stories.models import StoryPage

# A visitor who finds no stored card asks for it once in this long, not on every request.
QUEUED_FOR_SECONDS = 15 * 60


def published_story(story_id: int) -> StoryPage | None:
    return (
        StoryPage.objects.live()
        .public()
        .select_related("district", "portrait", "locale")
        .filter(pk=story_id)
        .first()
    )


@task()
def draw_published_cards(story_id: int) -> int:
    """Store every card format of the story as published now; a story no longer public gets
    its cards removed instead. Returns how many cards were drawn."""
    story = published_story(story_id)
    if story is None:
        card_files.remove_cards(story_id)
        return 0
    drawn = card_files.store_current_cards(story)
    # Unpublished while the cards were being drawn: they must not stay behind.
    if published_story(story_id) is None:
        card_files.remove_cards(story_id)
    return len(drawn)


@task()
def draw_every_published_card() -> int:
    """After the campaign settings change (the election day, the site's address on every
    card): draw what changed for every published story. Returns how many cards were drawn."""
    drawn = 0
    for story_id in StoryPage.objects.live().public().values_list("pk", flat=True):
        story = published_story(story_id)
        if story is not None:
            drawn += len(card_files.store_current_cards(story))
    return drawn


def queue_card_drawing(story_id: int) -> None:
    """Ask the worker to draw the story's cards once the change that asked has been saved
    (the worker must read the committed story)."""
    transaction.on_commit(lambda: draw_published_cards.enqueue(story_id))


def queue_missing_cards(story_id: int, version: card_files.CardVersion) -> bool:
    """A card of this version was wanted and is not stored: queue its drawing, once in a
    while rather than on every request. Whether it was queued now."""
    if not cache.add(
        f"stories:cards:queued:{story_id}:{version.name}", True, timeout=QUEUED_FOR_SECONDS
    ):
        return False
    queue_card_drawing(story_id)
    return True


def queue_every_published_card() -> None:
    transaction.on_commit(lambda: draw_every_published_card.enqueue())
