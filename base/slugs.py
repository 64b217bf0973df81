"""Slugs in plain ASCII: Latvian letters lose their marks (ā→a, č→c, ..., ž→z), so shared
links read as words instead of percent codes, and a slug left empty in the admin is made from
the name, numbered (-2, -3…) when another row has it already."""

from collections.abc import Callable

from django.utils.text import slugify

LATVIAN_LETTERS = str.maketrans("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ", "acegiklnsuzACEGIKLNSUZ")


def ascii_slug(text: str) -> str:
    """The slug for a name, a title or an old Unicode slug, in ASCII only."""
    return slugify(text.translate(LATVIAN_LETTERS), allow_unicode=False)


def free_slug(slug: str, taken: Callable[[str], bool], max_length: int = 80) -> str:
    """`slug`, or `slug-2`, `slug-3`… — the first that `taken` says is free, within max_length."""
    candidate, number = slug[:max_length], 1
    while taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
    return candidate
