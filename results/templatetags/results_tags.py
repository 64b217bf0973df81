from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext

from base.i18n import in_current_language

register = template.Library()


@register.filter
def localised(item, field):
    """item[field] on Latvian screens, item[field_en] on English ones when it is filled in."""
    return in_current_language(item.get(field, ""), item.get(f"{field}_en", ""))


@register.filter
def bar_width(percent):
    """A bar's width in % for inline styles, with a dot as the decimal sign in any language."""
    return f"{percent or 0:.1f}"


@register.filter
def count(value):
    """A public count, or a visible "hidden" mark where small-count suppression applies."""
    if value is None:
        return format_html('<span class="results-hidden">{}</span>', gettext("hidden"))
    return number_format(value, force_grouping=True)
