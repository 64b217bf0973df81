from django.db import migrations

from people.roles import grant_organisers


def grant(apps, schema_editor):
    grant_organisers(apps, schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("mock_elections", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
