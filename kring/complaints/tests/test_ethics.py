"""The code of ethics: versioned full text in Dutch and English, accepted once, seen by the office."""

import datetime

from django.urls import reverse
from django.utils import timezone

from kring.complaints.models import EthicsAcceptance, EthicsCode
from kring.complaints.services import ethics
from kring.core.models import AuditEntry
from tests.english import en


def test_the_public_page_has_the_full_text_in_both_languages_and_the_history(client, db):
    EthicsCode.objects.create(
        version="2020", applies_from=datetime.date(2020, 1, 1), text_nl="Oude tekst", text_en="Old text"
    )
    page = client.get(reverse("complaints:ethics")).content.decode()
    assert "Vertrouwelijkheid" in page and "Versie 2020" in page and "Oude tekst" not in page
    old = client.get(reverse("complaints:ethics_version", kwargs={"version": "2020"})).content.decode()
    assert "Oude tekst" in old and "eerdere versie" in old
    english = client.get(en("complaints:ethics")).content.decode()
    assert "Confidentiality" in english and "Vertrouwelijkheid" not in english


def test_a_trainer_accepts_the_current_version_once(client, trainer):
    client.force_login(trainer.user)
    page = client.get(reverse("complaints:ethics")).content.decode()
    assert 'name="accept"' in page
    client.post(reverse("complaints:ethics_accept"), {"accept": "on"})
    client.post(reverse("complaints:ethics_accept"), {"accept": "on"})
    assert EthicsAcceptance.objects.filter(person=trainer).count() == 1
    assert AuditEntry.objects.filter(action="kring.complaints.ethics.accepted").count() == 1
    assert "geaccepteerd op" in client.get(reverse("complaints:ethics")).content.decode()


def test_without_ticking_the_box_nothing_is_accepted(client, trainer):
    client.force_login(trainer.user)
    client.post(reverse("complaints:ethics_accept"), {})
    assert not EthicsAcceptance.objects.exists()


def test_a_new_version_asks_again_calmly_and_the_dossier_shows_it(client, trainer):
    ethics.ethics_accept(trainer, by=trainer.user)
    client.force_login(trainer.user)
    assert 'id="ethics-notice"' not in client.get(reverse("recertification:dashboard")).content.decode()
    EthicsCode.objects.create(version="2026", applies_from=timezone.localdate(), text_nl="Nieuw", text_en="New")
    dashboard = client.get(reverse("recertification:dashboard"))
    assert dashboard.status_code == 200 and 'id="ethics-notice"' in dashboard.content.decode()
    dossier = client.get(reverse("recertification:dossier")).content.decode()
    assert "nog niet geaccepteerd" in dossier and "2026" in dossier


def test_the_office_sees_who_has_not_accepted(client, office, trainer, member):
    client.force_login(office.user)
    page = client.get(reverse("complaints:office_ethics")).content.decode()
    assert "Thijs" in page and "Marieke" not in page
    ethics.ethics_accept(trainer, by=trainer.user)
    assert "Thijs" not in client.get(reverse("complaints:office_ethics")).content.decode()
