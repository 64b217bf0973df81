"""The editorial set-up: who may write, who approves, and the moderation workflow between
them. One function, called by a data migration (with historical models) and by the demo
loader and tests (with the live models), so both always build the same thing."""

EDITORS = "Editors"
MODERATORS = "Moderators"
APPROVAL_TASK = "Moderatoru apstiprinājums"
WORKFLOW = "Kampaņas satura apstiprināšana"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Campaign materials (posters, logos, photos) in the root collection and all below it.
MEDIA_PERMISSIONS = {
    "wagtailimages": ("image", ["add_image", "change_image", "choose_image"]),
    "wagtaildocs": ("document", ["add_document", "change_document", "choose_document"]),
}

# Plain data the campaign pages show: the adult precincts on the how-to-vote page.
MODEL_PERMISSIONS = {
    EDITORS: {("base", "precinct"): ["add", "change", "delete", "view"]},
    MODERATORS: {("base", "precinct"): ["add", "change", "delete", "view"]},
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def ensure_editorial_setup(apps):
    """Editors and Moderators groups with page and media permissions, and a workflow on the
    whole tree: an editor submits, a moderator approves and publishes."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if root_page is None or root_collection is None:
        return
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")

    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, (model, media_codenames) in MEDIA_PERMISSIONS.items():
            for codename in media_codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, codename),
                )
        for (app_label, model), actions in MODEL_PERMISSIONS.get(name, {}).items():
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))
        groups[name] = group

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=APPROVAL_TASK, content_type=task_type, active=True
        )
    task.groups.set([groups[MODERATORS]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow
