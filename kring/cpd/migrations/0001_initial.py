"""The CPD log moves from recertification to its own app. The table stays as it is
(``recertification_activity``, with its rows and constraint): only Django's idea of the owner changes."""

import django.db.models.deletion
import kring.cpd.models
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('members', '0002_vocabulary'),
        ('recertification', '0004_answer_attachment'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Activity',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('intervision', 'Intervision'), ('supervision', 'Supervision'), ('retreat', 'Silent retreat'), ('course_followed', 'Course or workshop followed'), ('course_taught', 'Course taught'), ('own_practice', 'Own practice'), ('event', 'Event of the association'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                    ('date', models.DateField(verbose_name='date')),
                    ('hours', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='hours')),
                    ('days', models.DecimalField(decimal_places=1, default=0, max_digits=5, verbose_name='days')),
                    ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                    ('participants', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='number of participants')),
                    ('evidence', models.FileField(blank=True, upload_to=kring.cpd.models.evidence_path, verbose_name='evidence')),
                    ('evidence_type', models.CharField(blank=True, max_length=40, verbose_name='type of evidence')),
                    ('source', models.CharField(blank=True, help_text='Set when the activity was recorded by Kring itself.', max_length=60, verbose_name='source')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='members.person')),
                    ('programme', models.ForeignKey(blank=True, help_text='For a course you taught.', null=True, on_delete=django.db.models.deletion.PROTECT, to='members.taughtprogramme', verbose_name='programme')),
                ],
                options={
                    'verbose_name': 'CPD activity',
                    'verbose_name_plural': 'CPD activities',
                    'db_table': 'recertification_activity',
                    'ordering': ['-date', '-pk'],
                    'constraints': [models.UniqueConstraint(condition=models.Q(('source', ''), _negated=True), fields=('person', 'source'), name='one_activity_per_person_and_source')],
                },
            ),
            ],
            database_operations=[],
        ),
    ]
