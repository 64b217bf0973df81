from django.db import migrations

from editorial_admin.slugs import make_page_slugs_ascii


def forwards(apps, schema_editor):
    make_page_slugs_ascii(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial_admin", "0001_communications_rights"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
