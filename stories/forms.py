"""The story index's filters, read through a form so any typed address gets a clear answer."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StoryFilterForm(forms.Form):
    """District and topic from the address; both are slugs, so anything else (a NUL byte,
    markup) is an error shown to the reader instead of reaching the database."""

    rajons = forms.SlugField(label=_("District"), required=False, allow_unicode=True)
    tema = forms.SlugField(label=_("Topic"), required=False, allow_unicode=True)
