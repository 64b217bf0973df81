"""The rights the communications team's jobs need beyond base's editorial set-up: submit a
page for translation, edit the campaign settings, and keep the collections that hold
campaign materials. Called by a data migration with historical models."""

from base.editorial import EDITORS, MODERATORS

# (app_label, model, codename) granted outright.
MODEL_PERMISSIONS = [
    ("simple_translation", "simpletranslation", "submit_translation"),
    ("base", "sitesettings", "change_sitesettings"),
]
# Granted on the root collection, so they hold in every collection below it.
COLLECTION_PERMISSIONS = ["add_collection", "change_collection", "delete_collection"]


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )[0]


def grant_communications_rights(apps) -> None:
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    for group in Group.objects.filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.add(*(_permission(apps, *spec) for spec in MODEL_PERMISSIONS))
        if root_collection is None:
            continue
        for codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, "wagtailcore", "collection", codename),
            )
