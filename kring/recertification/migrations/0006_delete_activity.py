"""The CPD log moved to ``kring.cpd``, which keeps the same table: forget the model here, keep the table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('recertification', '0005_one_decision_per_round'),
        ('cpd', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Activity')],
            database_operations=[],
        ),
    ]
