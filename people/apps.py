from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = _("People: volunteers and groups")

    def ready(self) -> None:
        from .roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, sender=self)
