"""Admin forms that enforce the election's rules, and the public proposal form.

Each admin form calls the rule in services.py and turns a Refused into a form error, so
the organiser sees the Latvian message and nothing is saved.
"""

import copy

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from base.forms import SlugFromNameForm
from base.refusals import Refused

from . import services
from .models import AgeBand, Election, PollingStation
from .print_checks import election_print_refusals, station_print_refusals


def _election_before_edit(instance):
    """The election as stored, not as the form is about to change it."""
    if instance.pk is None:
        return None
    return type(instance).objects.get(pk=instance.pk).election


class ElectionForm(SlugFromNameForm):
    slug_source = "title"

    def clean(self):
        cleaned_data = super().clean()
        try:
            services.check_voting_window(
                cleaned_data.get("voting_opens_at"),
                cleaned_data.get("voting_closes_at"),
                cleaned_data.get("results_release_at"),
            )
        except Refused as refusal:
            self.add_error(None, refusal.message)
        self._check_age_band_ranges()
        if not self.errors and cleaned_data.get("election_date") and cleaned_data.get("title"):
            election = construct_instance(self, copy.copy(self.instance))
            for refusal in election_print_refusals(election):
                self.add_error("title", refusal.message)
        if self.instance.pk is not None:
            self._check_age_bands_frozen()
            self._check_stations_keep_their_districts(cleaned_data.get("districts"))
        return cleaned_data

    def _check_age_band_ranges(self):
        age_bands = self.formsets.get("age_bands")
        if age_bands is None or not age_bands.is_valid():
            return  # the formset shows its own errors first
        ranges = [
            (form.cleaned_data["min_age"], form.cleaned_data["max_age"])
            for form in age_bands.forms
            if form.cleaned_data.get("min_age") is not None and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.check_age_bands(ranges)
        except Refused as refusal:
            self.add_error(None, refusal.message)

    def _check_age_bands_frozen(self):
        """Reordering the rows is harmless; adding, removing or changing a band is not."""
        age_bands = self.formsets.get("age_bands")
        if age_bands is None:
            return
        changed = any(
            (form.instance.pk is None and form.has_changed())
            or form[DELETION_FIELD_NAME].data
            or set(form.changed_data) & {"min_age", "max_age", "uses_easy_read"}
            for form in age_bands.forms
        )
        if changed:
            try:
                services.assert_ballot_editable(Election.objects.get(pk=self.instance.pk))
            except Refused as refusal:
                self.add_error(None, refusal.message)

    def _check_stations_keep_their_districts(self, districts):
        if districts is None:
            return
        kept = {district.pk for district in districts}
        for station in self.instance.stations.select_related("district"):
            if station.district_id not in kept:
                self.add_error(
                    "districts",
                    _("%(station)s stands in %(district)s: keep that district or move it first.")
                    % {"station": station.name, "district": station.district.name},
                )


def volunteer_label(user):
    """Organisers know volunteers by name; the login name tells two namesakes apart."""
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


class PollingStationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        volunteers = self.fields["desk_volunteers"]
        volunteers.queryset = volunteers.queryset.order_by("first_name", "last_name", "username")
        volunteers.label_from_instance = volunteer_label

    def clean(self):
        cleaned_data = super().clean()
        try:
            services.check_station_district(
                cleaned_data.get("election"), cleaned_data.get("district")
            )
        except Refused as refusal:
            self.add_error("district", refusal.message)
        if not self.errors and cleaned_data.get("election") is not None:
            station = construct_instance(self, copy.copy(self.instance))
            for refusal in station_print_refusals(station):
                self.add_error(None, refusal.message)
        return cleaned_data


def band_with_election(band):
    """Bands look alike across elections ("9–12"), so choices name the election too."""
    return f"{band.election} · {band}"


class BallotQuestionForm(WagtailAdminModelForm):
    """A question of an election that is open or later cannot change, nor can a question be
    moved into such an election. Its age bands (asked, and easy-read wordings) can only be
    those of its own election: the pickers offer no other, and the form refuses any other."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bands = AgeBand.objects.select_related("election")
        election_id = self._chosen_election_id()
        # Only the chosen election's bands; before one is chosen, those of the elections that
        # can still take questions (drafts), each named with its election.
        bands = (
            bands.filter(election_id=election_id)
            if election_id
            else bands.filter(election__status=Election.Status.DRAFT)
        )
        # The wordings' form class is made for this form alone, and its rows (and the empty
        # row the "add" button copies) are built from base_fields later, so set it there.
        wording_form_class = self.formsets["easy_read_wordings"].form
        for field in [self.fields["age_bands"], wording_form_class.base_fields["age_band"]]:
            field.queryset = bands
            field.label_from_instance = band_with_election

    def _chosen_election_id(self):
        """The election as sent, else as stored, else as asked for in ?election=."""
        raw = (
            self.data.get(self.add_prefix("election"))
            if self.is_bound
            else self.initial.get("election")
        )
        if raw in (None, "") and self.instance.election_id:
            return self.instance.election_id
        try:
            return int(raw)
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned_data = super().clean()
        election = cleaned_data.get("election")
        try:
            services.assert_ballot_editable(_election_before_edit(self.instance))
            services.assert_ballot_editable(election)
        except Refused as refusal:
            self.add_error(None, refusal.message)
        return cleaned_data


class ProposalForm(forms.Form):
    """What a teacher or youth worker sends on the children's behalf. No child is named."""

    question_text = forms.CharField(
        label=_("The question the children propose"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Short and clear, so that even the youngest voters understand it."),
    )
    reason = forms.CharField(
        label=_("Why it matters to them"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    group_name = forms.CharField(
        label=_("Class, school or youth centre"),
        max_length=200,
        help_text=_(
            "E.g. Liepājas 5. vidusskolas 4.b klase. Please do not write children's names."
        ),
    )
    contact_name = forms.CharField(label=_("Your name (adult contact)"), max_length=120)
    contact_email = forms.EmailField(label=_("Your e-mail"))
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers store this proposal and my contact details to discuss "
            "it, and may publish the question and the group's name."
        ),
        error_messages={"required": _("Please give your consent, otherwise we cannot accept it.")},
    )


PROPOSAL_FIELDS = ["question_text", "reason", "group_name", "contact_name", "contact_email"]


class StationActionForm(forms.Form):
    """The stations ticked on the election overview, for a bulk open or close."""

    stations = forms.ModelMultipleChoiceField(
        queryset=PollingStation.objects.none(),
        error_messages={"required": _("Tick at least one station.")},
    )

    def __init__(self, *args, election, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stations"].queryset = election.stations.all()
