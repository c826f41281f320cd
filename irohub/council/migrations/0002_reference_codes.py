"""Seed the SSDA903 code lists from the packaged codes.csv."""

from django.db import migrations


def load(apps, schema_editor):
    from irohub.council.reference import sync_codes

    sync_codes(apps.get_model("council", "ReferenceCode"))


class Migration(migrations.Migration):
    dependencies = [("council", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
