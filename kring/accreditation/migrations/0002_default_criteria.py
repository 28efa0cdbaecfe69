"""Seed version 1 of the accreditation criteria; figures and sources in ``kring.accreditation.defaults``."""

from django.db import migrations

from kring.accreditation import defaults


def seed(apps, schema_editor):
    defaults.load({name: apps.get_model("accreditation", name) for name in defaults.MODELS})


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
