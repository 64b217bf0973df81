"""Admin behaviour for the communications team: initials avatars instead of Gravatar and
menus that offer only what the user can open. (The second-approve guard is in views.py.)"""

from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem

from .avatars import initials_avatar

# Admin areas whose menu items lead to screens that need the app's own permissions.
AREAS_NEEDING_APP_RIGHTS = {"/admin/ballots/": "ballots"}


@hooks.register("get_avatar_url")
def avatar_from_initials(user, size):
    # Listings may ask for the avatar of a user who has since been deleted.
    return initials_avatar(user) if user is not None else None


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
