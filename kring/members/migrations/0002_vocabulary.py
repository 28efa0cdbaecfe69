from django.db import migrations


def load(apps, schema_editor):
    from kring.members import vocabulary

    vocabulary.load({name: apps.get_model("members", name) for name in vocabulary.MODELS})


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
