import pytest
from django.db import IntegrityError

from kring.core import audit
from kring.core.models import AuditEntry
from kring.members import services
from kring.members.models import ErasureRequest, TargetGroup


def test_every_change_writes_one_entry_and_the_chain_stays_whole(trainer):
    by = trainer.user
    services.person_update(trainer, by=by, phone="06 12345678", target_groups=TargetGroup.objects.all()[:2])
    services.consent_update(trainer, by=by, public={"phone": True})
    practice = services.practice_add(
        trainer, by=by, postcode="9000", place="Gent", country="BE", latitude=51.05, longitude=3.72
    )
    services.practice_update(practice, by=by, name="Stilte")
    services.practice_remove(practice, by=by)
    services.erasure_request(trainer, by=by)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "kring.members.person.changed",
        "kring.members.consent.changed",
        "kring.members.practice.added",
        "kring.members.practice.changed",
        "kring.members.practice.removed",
        "kring.members.erasure.requested",
    ]
    assert AuditEntry.objects.order_by("pk").first().data == {"fields": ["phone", "target_groups"]}
    assert audit.verify_chain() == []


def test_it_refuses_consent_for_a_field_that_is_never_public(member):
    with pytest.raises(ValueError):
        services.consent_update(member, by=member.user, public={"last_name": True})


def test_the_database_keeps_one_open_erasure_request(member):
    ErasureRequest.objects.create(person=member)
    with pytest.raises(IntegrityError):
        ErasureRequest.objects.create(person=member)


def test_asking_again_returns_the_open_request(member):
    first = services.erasure_request(member, by=member.user)
    assert services.erasure_request(member, by=member.user) == first


def test_it_refuses_to_change_fields_that_are_not_the_persons_to_change(member):
    with pytest.raises(ValueError):
        services.person_update(member, by=member.user, erased_at=None)
