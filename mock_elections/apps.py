from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MockElectionsConfig(AppConfig):
    name = "mock_elections"
    verbose_name = _("Children's mock elections")

    def ready(self):
        from .roles import sync_roles_after_migrate

        # Every app, not only this one: models the other election apps add later must
        # reach the Organisers group as well.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="mock_elections_roles")
