from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button

from stories import admin_views, card_files, tasks
from stories.models import StoryPage


@hooks.register("register_admin_urls")
def story_download_urls():
    return [
        path("stasti/<int:page_id>/plakats.pdf", admin_views.poster, name="stories_admin_poster"),
        path(
            "stasti/<int:page_id>/karte-<str:size>.png",
            admin_views.share_card,
            name="stories_admin_share_card",
        ),
    ]


def story_download_buttons(page, user):
    if not isinstance(page.specific_deferred, StoryPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Poster (PDF)"),
        reverse("stories_admin_poster", args=[page.pk]),
        icon_name="download",
        priority=90,
    )
    yield Button(
        _("Share card 1080×1080"),
        reverse("stories_admin_share_card", args=[page.pk, "1080x1080"]),
        icon_name="image",
        priority=91,
    )


def published_cards_button(page, user):
    """Whether the published story's share cards are stored, or still being drawn (then
    their drawing is asked for, so "being drawn" is true). Links to the public card, which
    answers in either state."""
    if not page.live or not isinstance(page.specific_deferred, StoryPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    story = tasks.published_story(page.pk)
    if story is None:  # private: its cards are never stored in public media
        return
    version = card_files.current_version(story)
    if card_files.cards_ready(story.pk, version):
        label = _("Published share cards: ready")
    else:
        tasks.queue_missing_cards(story.pk, version)
        label = _("Published share cards: being drawn")
    yield Button(
        label,
        reverse("stories_api:share_card", args=[page.pk, "1200x630"]),
        icon_name="image",
        priority=92,
    )


@hooks.register("register_page_header_buttons")
def story_header_buttons(page, user, view_name, next_url=None):
    yield from story_download_buttons(page, user)
    yield from published_cards_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def story_listing_buttons(page, user, next_url=None):
    yield from story_download_buttons(page, user)
