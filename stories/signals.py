"""When a story's published share cards must be drawn again, or removed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from base.models import SiteSettings
from stories import card_files, tasks
from stories.models import StoryPage


def story_published(sender, instance, **kwargs):
    tasks.queue_card_drawing(instance.pk)


def story_withdrawn(sender, instance, **kwargs):
    """Unpublished or deleted: its cards go, once the change is saved."""
    story_id = instance.pk
    transaction.on_commit(lambda: card_files.remove_cards(story_id))


def campaign_settings_changed(sender, **kwargs):
    """The election day and the site's address are on every card."""
    tasks.queue_every_published_card()


def view_restriction_changed(sender, instance, **kwargs):
    """A story made private keeps no card in public media; one made public again gets its
    cards drawn when they are first asked for."""
    page = instance.page

    def remove_private_cards():
        for story_id in (
            StoryPage.objects.descendant_of(page, inclusive=True)
            .not_public()
            .values_list("pk", flat=True)
        ):
            card_files.remove_cards(story_id)

    transaction.on_commit(remove_private_cards)


def connect() -> None:
    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories-cards-drawn")
    page_unpublished.connect(
        story_withdrawn, sender=StoryPage, dispatch_uid="stories-cards-unpublished"
    )
    post_delete.connect(story_withdrawn, sender=StoryPage, dispatch_uid="stories-cards-deleted")
    for model in (SiteSettings, Site):
        post_save.connect(
            campaign_settings_changed, sender=model, dispatch_uid=f"stories-cards-{model.__name__}"
        )
    post_save.connect(
        view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="stories-cards-restricted",
    )
