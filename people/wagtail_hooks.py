"""The people app in the admin (menu, board addresses) and on the public proposal page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import admin_urls, views
from .feedback_page import FeedbackFormPage
from .viewsets import PeopleGroup


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleGroup()


@hooks.register("register_admin_urls")
def register_people_admin_urls():
    return [path("brivpratigie/", include(admin_urls, namespace="people_admin"))]


class OrganisersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("people.change_assignment")


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return OrganisersMenuItem(
        _("Volunteer board"), reverse("people_admin:index"), icon_name="clipboard-list", order=259
    )


hooks.register("proposal_page_panels", views.proposal_page_outcome)


@hooks.register("filter_form_submissions_for_user")
def organisers_read_the_feedback_forms(user, editable_forms):
    """Editors see form answers through their page rights; Organisers have none, but the
    feedback forms are written for them."""
    if user.has_perm("people.change_assignment"):
        return editable_forms | Page.objects.type(FeedbackFormPage)
    return editable_forms
