"""Seed the default certification schemes, a code of ethics version and the sample setting.

The figures and their sources are in ``kring.recertification.defaults`` and docs/recertification.md.
"""

from django.db import migrations

from kring.recertification import defaults


def seed(apps, schema_editor):
    defaults.load({name: apps.get_model("recertification", name) for name in defaults.MODELS})


class Migration(migrations.Migration):
    dependencies = [("recertification", "0002_schemes_dossiers_committee")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
