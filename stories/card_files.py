"""Published stories' share cards, drawn once by the task worker and kept in public media.

A stored card's name carries its version: the published revision of the story and a
fingerprint of everything the card says (the election day and the site's address come from
the campaign settings, not the story). So a browser or CDN that kept an old card never gets it
under the new name, and the public view sees at once whether the stored card is current; when
it is not, the view draws the card itself and asks the worker for the files. The cards are as
public as the story: unpublishing, deleting or restricting the story removes them.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from stories import cards
from stories.card_layout import CardText
from stories.models import StoryPage

FOLDER = "stasti/kartes"


@dataclass(frozen=True)
class CardVersion:
    """What a published story's cards say now, and the version their file names carry."""

    name: str
    text: CardText


def current_version(story: StoryPage) -> CardVersion:
    text = cards.story_card_text(story, *cards.site_facts(story))
    return CardVersion(f"{story.published_card_version()}-{cards.card_text_version(text)}", text)


def story_folder(story_id: int) -> str:
    return f"{FOLDER}/{story_id}"


def card_name(story_id: int, version: str, size: str) -> str:
    return f"{story_folder(story_id)}/karte-{size}-{version}.png"


def stored_card(story_id: int, version: CardVersion, size: str) -> str | None:
    """The stored file's name when this version of the card has been drawn, else None."""
    name = card_name(story_id, version.name, size)
    return name if default_storage.exists(name) else None


def cards_ready(story_id: int, version: CardVersion) -> bool:
    """Whether every card format of this version is stored."""
    return all(stored_card(story_id, version, size) for size in cards.FORMATS)


def store_current_cards(story: StoryPage) -> list[str]:
    """Draw and store every card format the story lacks for its current version, then remove
    its older versions' cards. Returns the names drawn (none when all were there)."""
    version = current_version(story)
    missing = [
        size
        for size in cards.FORMATS
        if not default_storage.exists(card_name(story.pk, version.name, size))
    ]
    portrait = cards.portrait_source(story.portrait) if missing and story.portrait_id else None
    drawn = []
    for size in missing:
        name = card_name(story.pk, version.name, size)
        png = cards.render_card(size, version.text, portrait)
        # Two workers drawing the same version at once: the storage would save the second
        # file under another name; the first one is as good.
        saved = default_storage.save(name, ContentFile(png))
        if saved != name:
            default_storage.delete(saved)
        drawn.append(name)
    keep = {card_name(story.pk, version.name, size) for size in cards.FORMATS}
    remove_cards(story.pk, keep=keep)
    return drawn


def remove_cards(story_id: int, keep: set[str] | None = None) -> None:
    """Delete the story's stored cards (but those in `keep`)."""
    folder = story_folder(story_id)
    if not default_storage.exists(folder):
        return
    _directories, files = default_storage.listdir(folder)
    for file in files:
        name = f"{folder}/{file}"
        if name not in (keep or set()):
            default_storage.delete(name)
