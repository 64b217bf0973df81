from functools import partial

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = _("People: volunteers and groups")

    def ready(self) -> None:
        from base.destinations import forget_destination, register_destination

        from .downloads import register_downloads
        from .models import Roster
        from .roles import grant_after_migrate
        from .roster import sign_up_address

        post_migrate.connect(grant_after_migrate, sender=self)
        register_downloads()
        # The menu and footer link the volunteer sign-up while one is open.
        register_destination(
            "volunteer_sign_up", _("Become a volunteer"), sign_up_address, order=55, cached=True
        )
        for signal in (post_save, post_delete):
            signal.connect(
                partial(forget_destination, "volunteer_sign_up"), sender=Roster, weak=False
            )
