from django.db import migrations

from editorial_admin.permissions import grant_communications_rights


def forwards(apps, schema_editor):
    grant_communications_rights(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0003_editorial_workflow"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
