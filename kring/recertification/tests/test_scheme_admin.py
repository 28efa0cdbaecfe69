"""The office keeps schemes in the admin; a scheme in use is never changed, a new version is made."""

import datetime

from django.urls import reverse

from kring.recertification.models import CertificationScheme, SampleSetting
from kring.recertification.services import cycles
from kring.register.models import Level


def test_the_office_makes_a_new_version_and_the_old_one_stays(office, trainer, login):
    old = CertificationScheme.objects.get(level=Level.SPECIALIST, version=1)
    assert cycles.current_cycle(trainer).scheme == old  # the trainer already sees its figures: in use
    client = login(office)
    client.post(
        reverse("admin:recertification_certificationscheme_changelist"),
        {"action": "new_version", "_selected_action": [old.pk]},
    )
    new = CertificationScheme.objects.get(level=Level.SPECIALIST, version=2)
    assert new.valid_from == datetime.date.today() + datetime.timedelta(days=1)
    assert {r.kind: r.amount for r in new.requirements.all()} == {r.kind: r.amount for r in old.requirements.all()}
    page = client.get(reverse("admin:recertification_certificationscheme_change", args=[old.pk])).content.decode()
    assert 'name="cycle_years"' not in page  # read-only: in use
    page = client.get(reverse("admin:recertification_certificationscheme_change", args=[new.pk])).content.decode()
    assert 'name="cycle_years"' in page


def test_a_new_sample_percentage_is_a_new_row_with_a_new_salt(office, login):
    before = SampleSetting.objects.count()
    login(office).post(reverse("admin:recertification_samplesetting_add"), {"percentage": "15"})
    assert SampleSetting.objects.count() == before + 1
    newest = SampleSetting.objects.first()
    assert newest.percentage == 15 and len(newest.salt) == 32
