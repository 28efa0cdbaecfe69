from django.db import migrations


def load(apps, schema_editor):
    from kring.complaints import defaults

    defaults.load(apps.get_model("complaints", "EthicsCode"))  # the historical model, in a migration


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
