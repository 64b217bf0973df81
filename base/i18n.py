"""Models that keep a Latvian and an English text side by side (snippets, not pages)."""

from django.utils.translation import get_language


def in_current_language(latvian, english):
    """The English text on English screens when there is one, else the Latvian original."""
    language = (get_language() or "lv").split("-")[0]
    if language == "en" and english:
        return english
    return latvian
