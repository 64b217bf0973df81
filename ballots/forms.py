"""Admin forms for ballot batches; each calls the matching service, which holds the rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from base.refusals import Refused
from mock_elections.models import PollingStation

from .models import BallotBatch
from .services import check_can_issue, issue_ballots, spoil_ballot, void_batch


class IssueBatchForm(WagtailAdminModelForm):
    """Print a new batch of cards for a station."""

    # No min/max here: the service checks the bounds, so the organiser reads its wording.
    size = forms.IntegerField(
        label=_("Number of cards"),
        initial=300,
        help_text=_("How many cards to print now (1–5,000)."),
    )

    FIELD_FOR_REFUSAL = {"count": "size", "layout": "layout", "closed": "station"}

    class Meta:
        model = BallotBatch
        fields = ["station", "size", "layout"]

    def clean(self):
        cleaned = super().clean()
        station, size, layout = (cleaned.get(name) for name in ("station", "size", "layout"))
        if station is not None and size is not None and layout is not None:
            try:
                check_can_issue(station, size, layout)
            except Refused as refused:
                self.add_error(self.FIELD_FOR_REFUSAL.get(refused.reason), refused.message)
        return cleaned

    def save(self, commit=True):
        return issue_ballots(
            self.cleaned_data["station"],
            self.cleaned_data["size"],
            self.cleaned_data["layout"],
            by=self.for_user,
        )


class VoidBatchForm(WagtailAdminModelForm):
    """Cancel a whole batch, e.g. when a box of cards is lost."""

    reason = forms.CharField(
        label=_("Why is the batch cancelled?"),
        max_length=300,
        help_text=_("Its unused cards stop working at once. Used cards stay counted."),
    )

    class Meta:
        model = BallotBatch
        fields = []

    def clean(self):
        cleaned = super().clean()
        if self.instance.is_void:
            raise ValidationError(_("This batch has already been cancelled."))
        return cleaned

    def save(self, commit=True):
        return void_batch(self.instance, self.cleaned_data["reason"], by=self.for_user)


class SpoilCardForm(forms.Form):
    """An organiser records a card handed back torn or misprinted (e.g. at closing)."""

    station = forms.ModelChoiceField(
        label=_("Polling station"),
        queryset=PollingStation.objects.select_related("election"),
        help_text=_("The station whose card it is."),
    )
    code = forms.CharField(
        label=_("Card code"),
        max_length=40,
        help_text=_("As printed under the QR code, e.g. ABCD-EFGH-JKMN-P."),
    )
    reason = forms.CharField(
        label=_("Why is the card spoiled?"),
        max_length=300,
        help_text=_("E.g. torn, misprinted, child left before voting."),
    )

    def spoil(self, by):
        """Spoil the card; on refusal the form gets the reason as an error and returns None."""
        try:
            return spoil_ballot(
                self.cleaned_data["station"],
                self.cleaned_data["code"],
                self.cleaned_data["reason"],
                by=by,
            )
        except Refused as refused:
            self.add_error("code", refused.message)
            return None
