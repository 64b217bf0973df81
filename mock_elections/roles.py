"""Who may do what with the children's elections.

- Organisers: everything in the mock elections (stations, questions, ballots, votes, results)
  and the districts and adult precincts (children's stations stand beside them), plus
  access to the Wagtail admin and uploading pictures.
- Volunteers: access to the Wagtail admin and nothing else by permission. What they reach
  there is the desk of the stations an organiser assigned them to (`desk_volunteers`), checked
  station by station by the desk itself, never by a model permission that would open every
  station at once.
- Editors and Moderators: Wagtail's own groups for CMS content; no mock-election rights.

`sync_roles` is additive and idempotent: the data migration calls it, and so does every
`migrate` afterwards, so models added later by the other election apps are covered too.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

ORGANISERS = "Organisers"
VOLUNTEERS = "Volunteers"
ORGANISER_APPS = ["mock_elections", "ballots", "voting", "results"]
ORGANISER_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def sync_roles(apps):
    """Create the groups and grant Organisers their permissions (never removes any)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    organisers, _created = Group.objects.get_or_create(name=ORGANISERS)
    volunteers, _created = Group.objects.get_or_create(name=VOLUNTEERS)
    volunteers.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    organisers.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label__in=ORGANISER_APPS)
            | Q(content_type__app_label="base", content_type__model__in=["district", "precinct"])
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=ORGANISER_IMAGE_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=organisers, collection=root, permission=permission
        )


def sync_roles_after_migrate(sender, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate (also sent after a test flush, without apps): make sure the sender's
    permissions exist, then grant them."""
    from django.contrib.auth.management import create_permissions

    if sender.label in ORGANISER_APPS or sender.label == "base":
        create_permissions(sender, verbosity=0, using=using, apps=apps)
        sync_roles(apps)
