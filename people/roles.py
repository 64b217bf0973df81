"""Only Organisers see and export the roster: they get every permission of this app;
Editors, Moderators and Volunteers get none."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from mock_elections.roles import ORGANISERS


def grant_organisers(apps, using: str = DEFAULT_DB_ALIAS) -> None:
    app_config = apps.get_app_config("people")
    # In a migration the app's state has no models module and create_permissions would skip it.
    loaded = getattr(app_config, "models_module", None)
    app_config.models_module = loaded or True
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    app_config.models_module = loaded
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _created = Group.objects.using(using).get_or_create(name=ORGANISERS)
    organisers.permissions.add(
        *Permission.objects.using(using).filter(content_type__app_label="people")
    )


def grant_after_migrate(sender, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Also after a test flush, which empties the group's permissions."""
    if sender.label == "people":
        grant_organisers(apps, using)
