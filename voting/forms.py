"""Admin forms for the station desk: the volunteers' PIN and the paper counts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import PIN_MAX_LENGTH, PIN_MIN_LENGTH


class CertificateDigestForm(forms.Form):
    digest = forms.CharField(
        label=_("Digest on the signed certificate"),
        max_length=20,
        help_text=_("The 10 letters and digits printed under “Tally digest”, e.g. 7K2QD-M9XAE."),
    )


class StationPinForm(forms.Form):
    pin = forms.CharField(
        label=_("New PIN"),
        min_length=PIN_MIN_LENGTH,
        max_length=PIN_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "new-password"}),
        help_text=_("4 to 8 digits. Tell it only to this station's volunteers."),
    )
    pin_again = forms.CharField(
        label=_("The PIN again"),
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "new-password"}),
    )

    def clean_pin(self):
        pin = self.cleaned_data["pin"].strip()
        if not pin.isdigit():
            raise forms.ValidationError(_("Use digits only."))
        return pin

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pin") and cleaned.get("pin") != cleaned.get("pin_again"):
            self.add_error("pin_again", _("The two PINs differ."))
        return cleaned


def line_field_name(question, option):
    return f"q{question.pk}_{option.pk if option else 'abstain'}"


class PaperTallyForm(forms.Form):
    """One number per question and option (and “I don't know”) of the station's ballot."""

    def __init__(self, *args, lines, initial_counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        initial_counts = initial_counts or {}
        for question, option in lines:
            key = (question.pk, option.pk if option else None)
            self.fields[line_field_name(question, option)] = forms.IntegerField(
                label=f"{question.text} — {option.label if option else _('I do not know')}",
                min_value=0,
                max_value=100000,
                initial=initial_counts.get(key),
            )

    def counts(self):
        return {
            (question.pk, option.pk if option else None): self.cleaned_data[
                line_field_name(question, option)
            ]
            for question, option in self.lines
        }
