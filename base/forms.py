"""The site search form: the query is checked (length, no NUL characters) before searching."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search pages and stories"), required=False, max_length=200)
