"""Filing a complaint without an account: receipt, e-mail with the private link, and bad input."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kring.complaints.models import Case, CaseDocument
from kring.complaints.tests.helpers import SECRET_TEXT, file_case, pdf_upload, png_upload

FORM_EMAIL = "klager@example.org"
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


def test_with_the_receipt_number_and_the_address_an_expired_link_is_renewed(client, trainer, settings):
    case, token = file_case(trainer.registrations.get())
    settings.KRING_COMPLAINTS_LINK_DAYS = -1
    expired = client.get(reverse("complaints:follow", kwargs={"token": token})).content.decode()
    assert reverse("complaints:new_link") in expired  # the kind page leads to a new link
    settings.KRING_COMPLAINTS_LINK_DAYS = 120
    mail.outbox.clear()
    sent = client.post(reverse("complaints:new_link"), {"number": case.number.lower(), "email": FORM_EMAIL.upper()})
    assert sent.status_code == 200
    (message,) = mail.outbox
    assert message.to == [FORM_EMAIL] and case.number in message.subject and SECRET_TEXT not in message.body
    link = re.search(r"https?://\S+/klachten/volgen/\S+/", message.body).group(0)
    page = client.get(re.sub(r"^https?://[^/]+", "", link))
    assert page.status_code == 200 and case.number in page.content.decode()


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.parametrize("change", [{"email": "iemand@example.org"}, {"number": "K2099-999"}])
def test_a_wrong_number_or_address_gets_the_same_answer_and_no_mail(client, trainer, change):
    case, _token = file_case(trainer.registrations.get())
    mail.outbox.clear()
    right = client.post(reverse("complaints:new_link"), {"number": case.number, "email": FORM_EMAIL})
    mail.outbox.clear()
    wrong = client.post(reverse("complaints:new_link"), {"number": case.number, "email": FORM_EMAIL, **change})
    assert not mail.outbox
    assert _without_csrf(wrong) == _without_csrf(right)  # tells no one whether a complaint exists


def test_asking_for_new_links_is_rate_limited(client, trainer, settings):
    settings.KRING_COMPLAINTS_FILE_RATE = "2/h"
    case, _token = file_case(trainer.registrations.get())
    for _n in range(2):
        client.post(reverse("complaints:new_link"), {"number": "K2099-1", "email": "a@example.org"})
    mail.outbox.clear()
    blocked = client.post(reverse("complaints:new_link"), {"number": case.number, "email": FORM_EMAIL})
    assert blocked.status_code == 429 and not mail.outbox
