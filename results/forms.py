from django import forms
from django.utils.translation import gettext_lazy as _

from results.models import AdultElection

MAX_PRECINCT_FILE_BYTES = 2 * 1024 * 1024


class PrecinctFileForm(forms.Form):
    """Upload one election's official precinct figures as CSV."""

    adult_election = forms.ModelChoiceField(
        queryset=AdultElection.objects.all(),
        label=_("Adult election"),
        help_text=_("The file replaces every precinct of this election."),
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: precinct_number, name, registered_voters, votes_cast. "
            "UTF-8 encoding, comma or semicolon separated."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PRECINCT_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large (over 2 MB)."))
        return upload
