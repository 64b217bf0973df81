"""The site search form (the query is checked: length, no NUL characters) and the admin form
that makes a slug from a name."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .slugs import ascii_slug, free_slug


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search pages and stories"), required=False, max_length=200)


class SlugFromNameForm(WagtailAdminModelForm):
    """An admin form whose slug may be left empty: it is then made from `slug_source` (ASCII,
    numbered when taken). In the browser Wagtail fills it while the name is typed
    (`TitleFieldPanel` + `SlugInput`); this is the same rule for a form sent without that."""

    slug_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields["slug"]
        slug.required = False
        slug.help_text = format_lazy(
            "{} {}", slug.help_text, _("Left empty, it is made from the name.")
        )

    def clean(self):
        cleaned_data = super().clean()
        source = cleaned_data.get(self.slug_source)
        if not cleaned_data.get("slug") and source:
            model = self._meta.model
            others = model._default_manager.exclude(pk=self.instance.pk)
            max_length = model._meta.get_field("slug").max_length
            cleaned_data["slug"] = free_slug(
                ascii_slug(source) or model._meta.model_name,
                lambda candidate: others.filter(slug=candidate).exists(),
                max_length,
            )
        return cleaned_data
