"""Filing a complaint without an account: receipt, e-mail with the private link, and bad input."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kring.complaints.models import Case, CaseDocument
from kring.complaints.tests.helpers import SECRET_TEXT, file_case, pdf_upload, png_upload

FORM = {
    "trainer": "004211",
    "description": SECRET_TEXT,
    "when": "maart 2026",
    "hopes": "Excuses",
    "name": "Kim Klager",
    "email": "klager@example.org",
    "phone": "",
    "submission_key": "k1",
}


def test_it_files_a_complaint_without_an_account_and_mails_the_private_link(client, trainer, complaints):
    response = client.post(reverse("complaints:file"), {**FORM, "documents": [pdf_upload(), png_upload()]})
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.number.startswith("K") and case.registration.number == "004211"
    assert CaseDocument.objects.filter(case=case).count() == 2
    receipt = next(m for m in mail.outbox if m.to == ["klager@example.org"])
    assert case.number in receipt.subject and SECRET_TEXT not in receipt.body
    link = re.search(r"http://\S+/klachten/volgen/\S+/", receipt.body).group(0)
    page = client.get(link.split("8000", 1)[-1] if "8000" in link else link)
    assert page.status_code == 200 and case.number in page.content.decode()
    # The committee hears that something arrived, not what.
    note = next(m for m in mail.outbox if m.to == [complaints.user.email])
    assert SECRET_TEXT not in note.body


def test_it_finds_the_trainer_by_name(client, trainer):
    from kring.register import search_index

    search_index.refresh(registration_ids=[trainer.registrations.get().pk])
    client.post(reverse("complaints:file"), {**FORM, "trainer": "Thijs van Dijk"})
    assert Case.objects.get().registration.person == trainer


def test_a_double_click_files_once(client, trainer):
    client.post(reverse("complaints:file"), FORM)
    client.post(reverse("complaints:file"), FORM)
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"trainer": ""}, "Welke trainer"),
        ({"trainer": "999999"}, "999999"),
        ({"description": ""}, "Beschrijf"),
        ({"email": ""}, "Dit veld is verplicht"),
    ],
)
def test_it_refuses_a_complaint_without_what_it_needs(client, trainer, change, message):
    response = client.post(reverse("complaints:file"), {**FORM, **change})
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not Case.objects.exists()


def test_it_refuses_documents_of_the_wrong_type_or_too_large(client, trainer, settings):
    wrong = SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("complaints:file"), {**FORM, "documents": [wrong]})
    assert "PDF, JPEG of PNG" in response.content.decode()
    big = pdf_upload(data=b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
    response = client.post(reverse("complaints:file"), {**FORM, "documents": [big]})
    assert "groter dan 10 MB" in response.content.decode()
    too_many = [pdf_upload(f"{n}.pdf") for n in range(6)]
    response = client.post(reverse("complaints:file"), {**FORM, "documents": too_many})
    assert "hoogstens 5" in response.content.decode() or "at most 5" in response.content.decode()
    assert not Case.objects.exists()


def test_it_limits_complaints_per_address_without_a_captcha(client, trainer, settings):
    settings.KRING_COMPLAINTS_FILE_RATE = "2/h"
    for key in ("a", "b"):
        client.post(reverse("complaints:file"), {**FORM, "submission_key": key})
    response = client.post(reverse("complaints:file"), {**FORM, "submission_key": "c"})
    assert response.status_code == 429
    assert Case.objects.count() == 2


def test_a_guessed_altered_or_expired_link_shows_a_kind_page(client, trainer, settings):
    case, token = file_case(trainer.registrations.get())
    assert client.get(reverse("complaints:follow", kwargs={"token": "abc:def:ghi"})).status_code == 404
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(reverse("complaints:follow", kwargs={"token": altered})).status_code == 404
    settings.KRING_COMPLAINTS_LINK_DAYS = -1
    response = client.get(reverse("complaints:follow", kwargs={"token": token}))
    assert response.status_code == 404 and "verlopen" in response.content.decode()


def test_the_complainant_adds_documents_through_the_link(client, trainer):
    case, token = file_case(trainer.registrations.get())
    url = reverse("complaints:follow", kwargs={"token": token})
    response = client.post(url, {"documents": [pdf_upload()]})
    assert response.status_code == 302
    assert case.documents.count() == 1
    response = client.post(url, {"documents": []})
    assert response.status_code == 200 and case.documents.count() == 1
