"""Every published story's share cards and print poster in one ZIP, for partners who want
them all at once. Drawing them takes a while, so a background task builds the file, named
after the stories' versions: a changed story means a new name, and the old file is left
for the next build to remove."""

import zipfile
from dataclasses import dataclass
from hashlib import sha256
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import QuerySet

from stories import cards, posters
from stories.models import StoryPage

FOLDER = "materiali"
PREFIX = "stastu-kartites-un-plakati-"


@dataclass(frozen=True)
class StoryBundle:
    name: str
    ready: bool
    url: str = ""
    size: int = 0


def published_stories() -> QuerySet[StoryPage]:
    return (
        StoryPage.objects.live()
        .public()
        .select_related("district", "portrait", "locale")
        .order_by("locale__language_code", "path")
    )


def bundle_name(stories) -> str:
    """The file name for this set of published story versions."""
    versions = ",".join(f"{story.pk}:{story.card_version()}" for story in stories)
    return f"{FOLDER}/{PREFIX}{sha256(versions.encode()).hexdigest()[:16]}.zip"


def entries_for(story: StoryPage) -> list[tuple[str, bytes]]:
    """(path inside the ZIP, bytes): the two card sizes and the poster, per language."""
    base = f"{story.locale.language_code}/{story.slug}"
    files = [
        (f"{base}-kartite-{size}.png", cards.story_card(story, size)) for size in cards.FORMATS
    ]
    files.append((f"{base}-plakats.pdf", posters.story_poster_pdf(story, story.get_full_url())))
    return files


def story_bundle_bytes(stories) -> bytes:
    output = BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for story in stories:
            for path, data in entries_for(story):
                archive.writestr(path, data)
    return output.getvalue()


def build_story_bundle() -> str:
    """Write the ZIP for the stories published now (if not there yet); remove older ones."""
    stories = list(published_stories())
    name = bundle_name(stories)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(story_bundle_bytes(stories)))
    _directories, files = default_storage.listdir(FOLDER)
    for old in files:
        if old.startswith(PREFIX) and f"{FOLDER}/{old}" != name:
            default_storage.delete(f"{FOLDER}/{old}")
    return name


def current_story_bundle() -> StoryBundle | None:
    """None when no story is published; otherwise the ZIP, ready or still to be built."""
    stories = list(published_stories())
    if not stories:
        return None
    name = bundle_name(stories)
    if not default_storage.exists(name):
        return StoryBundle(name=name, ready=False)
    return StoryBundle(
        name=name, ready=True, url=default_storage.url(name), size=default_storage.size(name)
    )
