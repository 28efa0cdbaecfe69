"""First certification: a graduate applies; the committee's acceptance creates the registration."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kring.core.models import AuditEntry
from kring.recertification.models import Application
from kring.recertification.tests.conftest import plain_pdf
from kring.register.history import standing_on, with_history
from kring.register.models import Registration
from tests import factories as t

FORM = {
    "level": "specialist",
    "programme_name": "Opleiding Aandacht, Utrecht",
    "graduated_on": "2026-06-30",
    "study_hours": "220",
    "contact_hours": "130",
    "retreat_days": "6",
    "experience": "Twee MBSR-cursussen.",
}


def test_a_graduate_applies_and_the_committee_accepts(member, certification, login, mailoutbox):
    Registration.objects.create(person=t.PersonFactory(), number="000099")
    response = login(member).post(
        reverse("recertification:application"),
        {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
    )
    assert response.status_code == 302
    application = Application.objects.get()
    client = login(certification)
    client.post(
        reverse("recertification:committee_application", args=[application.pk]),
        {"accept": "yes", "reason": "Voldoet aan de eisen."},
    )
    registration = Registration.objects.get(person=member)
    assert registration.number == "000100"
    assert standing_on(with_history().get(pk=registration.pk), datetime.date.today()).registered
    assert "000100" in mailoutbox[-1].body


def test_the_new_trainer_is_in_find_a_trainer_at_once_and_in_the_audit_trail(member, certification, login):
    login(member).post(
        reverse("recertification:application"),
        {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
    )
    login(certification).post(
        reverse("recertification:committee_application", args=[Application.objects.get().pk]),
        {"accept": "yes", "reason": "Voldoet aan de eisen."},
    )
    registration = Registration.objects.get(person=member)
    found = Client().get("/register/?q=bakker")
    assert [card["result"].entry.number for card in found.context["cards"]] == [registration.number]
    entry = AuditEntry.objects.get(action__startswith="kring.register.", object_id=str(registration.pk))
    assert entry.person_id == member.pk
    assert entry.source == f"user:{certification.user.pk}"


def test_it_refuses_a_certificate_that_is_not_a_pdf_or_image(member, login):
    response = login(member).post(
        reverse("recertification:application"), {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", b"just text")}
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_refusal_creates_no_registration(member, certification, login):
    login(member).post(
        reverse("recertification:application"),
        {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
    )
    application = Application.objects.get()
    login(certification).post(
        reverse("recertification:committee_application", args=[application.pk]),
        {"accept": "no", "reason": "Te weinig contacturen."},
    )
    application.refresh_from_db()
    assert application.status == "refused"
    assert not Registration.objects.filter(person=member).exists()
