from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class CampaignContentCheckerItem(ContentCheckerItem):
    """The accessibility checker runs every axe rule (not only Wagtail's short list), so
    editors see in the userbar and the preview panel what the automated tests will find."""

    axe_run_only = None


@hooks.register("construct_wagtail_userbar")
def use_full_accessibility_checker(request, items, page=None):
    items[:] = [
        CampaignContentCheckerItem() if type(item) is ContentCheckerItem else item for item in items
    ]
