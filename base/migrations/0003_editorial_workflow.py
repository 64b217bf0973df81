from django.db import migrations

from base.editorial import ensure_editorial_setup


def forwards(apps, schema_editor):
    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0002_contentpage_sitesettings"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
