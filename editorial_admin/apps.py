from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialAdminConfig(AppConfig):
    """The admin as the communications team meets it: Latvian throughout, the rights their
    jobs need, ASCII page addresses, no third-party avatars."""

    name = "editorial_admin"
    verbose_name = _("Editorial admin")
    default_auto_field = "django.db.models.BigAutoField"
