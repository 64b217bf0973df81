"""What the materials page lists: images and documents of the public collections, grouped
by the kind their tags name."""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

# (key, heading, tag names editors may use for it, in either language). The headings have
# their own context: other apps translate "Print" as the verb.
KINDS: list[tuple[str, Promise, set[str]]] = [
    ("posters", pgettext_lazy("materials", "Posters"), {"plakāti", "plakāts", "poster", "posters"}),
    ("logos", pgettext_lazy("materials", "Logos"), {"logotipi", "logotips", "logo", "logos"}),
    (
        "social",
        pgettext_lazy("materials", "Social media"),
        {"sociālie tīkli", "social media", "social"},
    ),
    ("print", pgettext_lazy("materials", "Print"), {"druka", "drukai", "print"}),
]
OTHER = ("other", pgettext_lazy("materials", "Other materials"))
PREVIEW_SPEC = "max-480x360"


@dataclass
class Material:
    title: str
    download_url: str
    size: int
    format: str
    preview_url: str = ""
    preview_alt: str = ""


@dataclass
class MaterialGroup:
    key: str
    heading: Promise
    items: list[Material] = field(default_factory=list)


def kind_of(tag_names: set[str]) -> str:
    lowered = {name.lower().strip() for name in tag_names}
    for key, _heading, aliases in KINDS:
        if lowered & aliases:
            return key
    return OTHER[0]


def _file_format(name: str) -> str:
    return PurePosixPath(name).suffix.lstrip(".").upper()


def _image_material(image) -> Material:
    preview = image.get_rendition(PREVIEW_SPEC)
    return Material(
        title=image.title,
        download_url=image.file.url,
        size=image.get_file_size() or 0,
        format=_file_format(image.file.name),
        preview_url=preview.url,
        preview_alt=getattr(image, "description", "") or image.title,
    )


def _document_material(document) -> Material:
    return Material(
        title=document.title,
        download_url=document.url,
        size=document.get_file_size() or 0,
        format=_file_format(document.file.name),
    )


def materials_by_kind(collections: QuerySet[Collection]) -> list[MaterialGroup]:
    """Non-empty groups in a fixed order (posters, logos, social media, print, other)."""
    groups = {key: MaterialGroup(key, heading) for key, heading, _aliases in KINDS}
    groups[OTHER[0]] = MaterialGroup(*OTHER)
    sources = [
        (get_image_model(), _image_material),
        (get_document_model(), _document_material),
    ]
    for model, to_material in sources:
        for item in (
            model.objects.filter(collection__in=collections)
            .prefetch_related("tags")
            .order_by("title")
        ):
            groups[kind_of({tag.name for tag in item.tags.all()})].items.append(to_material(item))
    return [group for group in groups.values() if group.items]
