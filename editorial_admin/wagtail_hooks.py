"""Admin behaviour for the communications team: initials avatars instead of Gravatar, a
clear message for a second approve, and menus that offer only what the user can open."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.models import Page

from .avatars import initials_avatar

# Admin areas whose menu items lead to screens that need the app's own permissions.
AREAS_NEEDING_APP_RIGHTS = {"/admin/ballots/": "ballots"}


@hooks.register("get_avatar_url")
def avatar_from_initials(user, size):
    # Listings may ask for the avatar of a user who has since been deleted.
    return initials_avatar(user) if user is not None else None


@hooks.register("before_edit_page")
def refuse_workflow_action_on_finished_task(request, page):
    """Wagtail 7.4 answers 500 when "approve" is sent for a page whose task has already
    finished (a double click, or two moderators at once); say what happened instead."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    # Read the workflow afresh: the page the editor was built from may carry states
    # prefetched before another moderator's approval finished it.
    if Page.objects.get(pk=page.pk).current_workflow_task is not None:
        return None
    messages.error(
        request,
        _('"%(title)s" is no longer awaiting approval: someone has already reviewed it.')
        % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _leads_nowhere(item: SubmenuMenuItem, request) -> bool:
    urls = [entry.url for entry in item.menu.menu_items_for_request(request)]
    return all(
        any(
            url.startswith(prefix) and not request.user.has_module_perms(app)
            for prefix, app in AREAS_NEEDING_APP_RIGHTS.items()
        )
        for url in urls
    )


@hooks.register("construct_main_menu")
def hide_menus_that_lead_nowhere(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if not (isinstance(item, SubmenuMenuItem) and _leads_nowhere(item, request))
    ]
