from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


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
