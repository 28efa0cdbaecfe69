"""Erasing a person's contact data keeps their registration history: the register still answers for them."""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from kring.core.models import AuditEntry
from kring.members import services
from kring.members.models import PracticeAddress
from kring.register.history import standing_on
from tests import factories as t


def _trainer_with_everything(trainer):
    trainer.phone, trainer.website, trainer.about = "06 12345678", "https://stilte.nl", "Over mij"
    trainer.public_phone = trainer.public_practices = True
    trainer.save()
    t.add_totp(trainer.user)
    return trainer


def test_it_erases_contact_data_and_keeps_the_registration_history(trainer, office, django_capture_on_commit_callbacks):
    trainer = _trainer_with_everything(trainer)
    registration = trainer.registrations.get()
    request = services.erasure_request(trainer, by=trainer.user)
    with django_capture_on_commit_callbacks(execute=True):
        services.person_erase(trainer, by=office.user, request=request)
    trainer.refresh_from_db()
    assert (trainer.first_name, trainer.name_prefix, trainer.last_name) == ("Thijs", "van", "Dijk")
    assert (trainer.email, trainer.phone, trainer.website, trainer.about) == ("", "", "", "")
    assert not trainer.public_phone and not trainer.public_practices
    assert trainer.erased_at is not None
    assert not PracticeAddress.objects.filter(person=trainer).exists()
    assert registration.periods.count() == 1
    assert standing_on(registration, datetime.date.today()) is not None
    user = trainer.user
    assert not user.is_active and not user.has_usable_password()
    assert "thijs" not in user.email.lower() and user.email.endswith(".invalid")
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    request.refresh_from_db()
    assert request.status == "done" and request.decided_by == office.user
    entry = AuditEntry.objects.get(action="kring.members.person.erased")
    assert entry.person_id == trainer.pk and "phone" in entry.data["fields"]
    assert AuditEntry.objects.filter(person_id=trainer.pk, action="kring.members.erasure.requested").exists()
