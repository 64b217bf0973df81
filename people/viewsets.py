"""Add/edit screens for what organisers type in: roster settings, shifts, volunteers and
groups; the board and actions are in admin_views.py."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ProposingGroup, Roster, Shift, Volunteer


class NoAddingPolicy(ModelPermissionPolicy):
    """Volunteers and groups come from their public forms, where their consent is taken;
    organisers may correct them here but never create one without that consent."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RosterViewSet(ModelViewSet):
    model = Roster
    icon = "cog"
    form_fields = ["election", "sign_up_open", "retention_days", "organiser_phone"]
    list_display = ["election", "sign_up_open", "retention_days"]


class ShiftViewSet(ModelViewSet):
    model = Shift
    icon = "time"
    form_fields = ["station", "starts_at", "ends_at", "min_people", "max_people", "needs_lead"]
    list_display = ["station", "starts_at", "ends_at", "min_people", "max_people"]
    list_filter = ["station__election"]


class VolunteerViewSet(ModelViewSet):
    model = Volunteer
    permission_policy = NoAddingPolicy(Volunteer)
    icon = "user"
    form_fields = ["name", "email", "phone", "age_group", "preferred_stations"]
    list_display = ["name", "election", "age_group"]
    list_filter = ["election"]
    search_fields = ["name", "email", "phone"]


class ProposingGroupViewSet(ModelViewSet):
    model = ProposingGroup
    permission_policy = NoAddingPolicy(ProposingGroup)
    icon = "group"
    form_fields = [
        "name",
        "contact_name",
        "contact_email",
        "approximate_size",
        "youngest_age",
        "oldest_age",
        "proposals",
    ]
    list_display = ["name", "election", "approximate_size"]
    list_filter = ["election"]


class PeopleGroup(ViewSetGroup):
    menu_label = _("Volunteers and groups")
    menu_icon = "group"
    menu_order = 260
    items = (
        RosterViewSet("volunteer_rosters"),
        ShiftViewSet("shifts"),
        VolunteerViewSet("volunteers"),
        ProposingGroupViewSet("proposing_groups"),
    )
