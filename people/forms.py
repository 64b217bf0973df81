"""The public sign-up and group forms, and the organiser's small admin forms. Forms only
collect input; the rules are in roster.py and shortlist.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mock_elections.models import Election, PollingStation

from .models import ProposingGroup, Shift, Volunteer
from .roster import slot_of

DEFAULT_SLOTS = [7, 11, 15]


def slot_choices(election: Election) -> list[tuple[int, str]]:
    """The election's shift start hours, or the usual three before any shift exists."""
    hours = sorted({slot_of(s) for s in Shift.objects.filter(station__election=election)})
    return [(hour, f"{hour}:00") for hour in hours or DEFAULT_SLOTS]


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    age_group = forms.ChoiceField(
        label=_("Your age"), choices=Volunteer.AgeGroup.choices, widget=forms.RadioSelect
    )
    parent_consent = forms.BooleanField(
        label=_("I am 16–17 and a parent agrees that I volunteer"), required=False
    )
    stations = forms.ModelMultipleChoiceField(
        label=_("Stations you would like"),
        queryset=PollingStation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    slots = forms.TypedMultipleChoiceField(
        label=_("Shifts you would like (start time)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers store these details to plan the shifts and contact "
            "me; they are erased after the election."
        )
    )

    def __init__(self, election: Election, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stations"].queryset = PollingStation.objects.filter(election=election)
        self.fields["slots"].choices = slot_choices(election)


class GroupForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I am the group's adult contact and agree that the organisers store these details.")
    )

    class Meta:
        model = ProposingGroup
        fields = [
            "name",
            "contact_name",
            "contact_email",
            "approximate_size",
            "youngest_age",
            "oldest_age",
        ]


class AssignForm(forms.Form):
    volunteer = forms.ModelChoiceField(label=_("Volunteer"), queryset=Volunteer.objects.none())
    shift = forms.ModelChoiceField(label=_("Shift"), queryset=Shift.objects.none())
    is_lead = forms.BooleanField(label=_("Lead"), required=False)

    def __init__(self, election: Election, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = Volunteer.objects.filter(
            election=election, anonymised_at__isnull=True
        )
        self.fields["shift"].queryset = Shift.objects.filter(
            station__election=election
        ).select_related("station")


class MessageForm(forms.Form):
    shift = forms.ModelChoiceField(
        label=_("Only this shift"),
        queryset=Shift.objects.none(),
        required=False,
        empty_label=_("Everyone on the station"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea)

    def __init__(self, station: PollingStation, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["shift"].queryset = Shift.objects.filter(station=station).select_related(
            "station"
        )
