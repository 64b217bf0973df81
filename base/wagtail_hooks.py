from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem

from base.prepared_files import admin_urls as prepared_files_urls
from base.prepared_files.kinds import uses_any_kind


class CampaignContentCheckerItem(ContentCheckerItem):
    """The accessibility checker runs every axe rule (not only Wagtail's short list), so
    editors see in the userbar and the preview panel what the automated tests will find."""

    axe_run_only = None


def _is_default_checker(item):
    # Wagtail adds its (deprecated) AccessibilityItem, a ContentCheckerItem subclass.
    return isinstance(item, ContentCheckerItem) and not isinstance(item, CampaignContentCheckerItem)


@hooks.register("construct_wagtail_userbar")
def use_full_accessibility_checker(request, items, page=None):
    items[:] = [
        CampaignContentCheckerItem() if _is_default_checker(item) else item for item in items
    ]


@hooks.register("register_admin_urls")
def register_prepared_files_urls():
    return [path("sagatavotie-faili/", include(prepared_files_urls, namespace="prepared_files"))]


class PreparedFilesMenuItem(MenuItem):
    """Shown to whoever may ask for any kind of prepared file (the Organisers, today)."""

    def is_shown(self, request):
        return uses_any_kind(request.user)


@hooks.register("register_admin_menu_item")
def register_prepared_files_menu_item():
    return PreparedFilesMenuItem(
        _("Prepared files"), reverse("prepared_files:index"), icon_name="download", order=261
    )
