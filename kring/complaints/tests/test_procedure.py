"""The procedure: terms from the settings, one extension, decisions with reasons, the measure in the register."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from kring.complaints.models import Case, Stage
from kring.complaints.services import objections, procedure
from kring.complaints.tests.helpers import file_case, invited_case
from kring.core.refusals import Refused
from kring.register import history
from kring.register.models import Status

TODAY = timezone.localdate


def test_the_terms_come_from_the_settings(registration, settings):
    case, _ = file_case(registration)
    assert case.receipt_due == TODAY() + datetime.timedelta(days=14)
    assert case.decision_due == TODAY() + datetime.timedelta(days=42)
    settings.KRING_COMPLAINTS_RECEIPT_DAYS, settings.KRING_COMPLAINTS_DECISION_DAYS = 7, 56
    other, _ = file_case(registration)
    assert other.receipt_due == TODAY() + datetime.timedelta(days=7)
    assert other.decision_due == TODAY() + datetime.timedelta(days=56)


def test_the_term_extends_once_with_a_reason_sent_to_both_parties(registration, complaints, trainer):
    case = invited_case(registration, complaints.user)
    with pytest.raises(Refused):
        procedure.term_extend(case, reason=" ", by=complaints.user)
    mail.outbox.clear()
    case = procedure.term_extend(case, reason="Een getuige is pas in mei terug.", by=complaints.user)
    assert case.decision_due == TODAY() + datetime.timedelta(days=42 + 28)
    assert {m.to[0] for m in mail.outbox} == {"klager@example.org", trainer.email}
    assert all("Een getuige is pas in mei terug." in m.body for m in mail.outbox)
    with pytest.raises(Refused, match="al een keer verlengd|already been extended"):
        procedure.term_extend(case, reason="Nog eens", by=complaints.user)
    assert Case.objects.get(pk=case.pk).decision_due == TODAY() + datetime.timedelta(days=70)


def test_the_trainer_is_invited_and_responds_on_their_own_page(client, registration, complaints, trainer):
    case = invited_case(registration, complaints.user)
    assert case.response_due == TODAY() + datetime.timedelta(days=14)
    assert any(m.to == [trainer.email] for m in mail.outbox)
    client.force_login(trainer.user)
    page = client.get(reverse("complaints:trainer_case", kwargs={"pk": case.pk})).content.decode()
    assert "bodyscan" in page and "klager@example.org" not in page
    client.post(reverse("complaints:trainer_step", kwargs={"pk": case.pk, "step": "respond"}), {"text": "Mijn reactie"})
    assert case.entries.filter(kind="response").count() == 1


def test_a_decision_needs_a_reason_and_a_suspension_within_the_rules(registration, complaints):
    case = invited_case(registration, complaints.user)
    with pytest.raises(Refused):
        procedure.case_decide(case, outcome="warning", reason="", by=complaints.user)
    too_long = TODAY() + datetime.timedelta(days=366)
    with pytest.raises(Refused, match="365"):
        procedure.case_decide(case, outcome="suspension", reason="Ernstig", measure_until=too_long, by=complaints.user)
    with pytest.raises(Refused):
        procedure.case_decide(case, outcome="suspension", reason="Ernstig", measure_until=None, by=complaints.user)
    assert Case.objects.get(pk=case.pk).stage == Stage.INVITED
    assert history.standing_on(registration, TODAY()).registered


def test_a_suspension_takes_effect_in_the_register_and_is_lifted_after_its_period(registration, complaints):
    case = invited_case(registration, complaints.user)
    until = TODAY() + datetime.timedelta(days=90)
    procedure.case_decide(
        case, outcome="suspension", reason="Grens overschreden", measure_until=until, by=complaints.user
    )
    standing = history.standing_on(registration, TODAY())
    assert not standing.registered
    assert registration.periods.order_by("-starts_on", "-pk").first().status == Status.SUSPENDED
    with pytest.raises(Refused):
        procedure.suspension_lift(case, by=complaints.user)
    Case.objects.filter(pk=case.pk).update(measure_until=TODAY())
    procedure.suspension_lift(case, by=complaints.user)
    assert history.standing_on(registration, TODAY()).registered


def test_striking_off_ends_the_registration(registration, complaints):
    case = invited_case(registration, complaints.user)
    procedure.case_decide(case, outcome="strike_off", reason="Zeer ernstig", by=complaints.user)
    assert registration.periods.order_by("-starts_on", "-pk").first().status == Status.STRUCK_OFF


def test_each_party_objects_once_within_the_term(registration, complaints, trainer):
    case = invited_case(registration, complaints.user)
    procedure.case_decide(case, outcome="warning", reason="Gegrond", by=complaints.user)
    objections.objection_lodge(case, party="complainant", text="Te licht")
    with pytest.raises(Refused):
        objections.objection_lodge(case, party="complainant", text="Nog eens")
    objections.objection_lodge(case, party="trainer", text="Te zwaar", by=trainer.user)
    case = objections.objection_decide(
        case, upheld=True, new_outcome="founded", reason="Heroverwogen", by=complaints.user
    )
    assert case.stage == Stage.CLOSED and case.outcome == "founded"


def test_an_objection_after_the_term_is_refused(registration, complaints):
    case = invited_case(registration, complaints.user)
    procedure.case_decide(case, outcome="unfounded", reason="Niet aangetoond", by=complaints.user)
    Case.objects.filter(pk=case.pk).update(objection_until=TODAY() - datetime.timedelta(days=1))
    with pytest.raises(Refused):
        objections.objection_lodge(case, party="complainant", text="Te laat")
    assert not case.objections.exists()


def test_the_committee_list_shows_what_is_due_by_when(client, registration, complaints):
    case, _ = file_case(registration)
    client.force_login(complaints.user)
    page = client.get(reverse("complaints:committee_list")).content.decode()
    assert case.number in page and "ontvangst bevestigen" in page
    assert case.receipt_due.strftime("%Y") in page


def test_a_decision_through_the_page_without_reason_changes_nothing(client, registration, complaints):
    case = invited_case(registration, complaints.user)
    client.force_login(complaints.user)
    url = reverse("complaints:committee_step", kwargs={"pk": case.pk, "step": "decide"})
    response = client.post(url, {"outcome": "warning", "reason": ""})
    assert response.status_code == 400
    assert Case.objects.get(pk=case.pk).stage == Stage.INVITED


def test_the_trainer_adds_documents_only_the_committee_reads(client, registration, complaints, trainer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kring.complaints.services import files
    from kring.complaints.tests.helpers import pdf_upload

    case = invited_case(registration, complaints.user)
    client.force_login(trainer.user)
    url = reverse("complaints:trainer_step", kwargs={"pk": case.pk, "step": "documents"})
    wrong = SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    refused = client.post(url, {"documents": [wrong]})
    assert refused.status_code == 400 and not case.documents.exists()
    assert client.post(url, {"documents": [pdf_upload("mijn-verslag.pdf")]}).status_code == 302
    document = case.documents.get()
    assert document.party == "trainer" and files.document_content(document).startswith(b"%PDF")
    client.force_login(complaints.user)
    committee_page = client.get(reverse("complaints:committee_case", kwargs={"pk": case.pk}))
    assert reverse("complaints:committee_document", kwargs={"pk": case.pk, "document_pk": document.pk}) in (
        committee_page.content.decode()
    )


def test_a_trainer_cannot_add_documents_to_a_case_about_someone_else(client, registration, complaints):
    from kring.complaints.tests.helpers import pdf_upload
    from tests import factories as t

    case = invited_case(registration, complaints.user)
    other = t.PersonFactory(first_name="Anne")
    t.make_member(other, "trainer")
    t.make_registration(other, number="004300")
    client.force_login(other.user)
    url = reverse("complaints:trainer_step", kwargs={"pk": case.pk, "step": "documents"})
    assert client.post(url, {"documents": [pdf_upload()]}).status_code == 404
    assert not case.documents.exists()


def test_a_suspended_trainer_still_reads_the_decision_and_may_object(client, registration, complaints, trainer, member):
    case = invited_case(registration, complaints.user)
    until = TODAY() + datetime.timedelta(days=60)
    procedure.case_decide(
        case, outcome="suspension", reason="Grens overschreden", measure_until=until, by=complaints.user
    )
    assert not history.standing_on(registration, TODAY()).registered
    (told,) = [m for m in mail.outbox if m.to == [trainer.email] and case.number in m.subject]
    link = reverse("complaints:trainer_cases")
    assert link in told.body
    client.force_login(trainer.user)
    assert case.number in client.get(link).content.decode()
    page = reverse("complaints:trainer_case", kwargs={"pk": case.pk})
    assert "Grens overschreden" in client.get(page).content.decode()
    step = reverse("complaints:trainer_step", kwargs={"pk": case.pk, "step": "object"})
    assert client.post(step, {"text": "Te zwaar"}).status_code == 302
    assert case.objections.filter(party="trainer").exists()
    client.force_login(member.user)  # another account sees nothing of it
    assert case.number not in client.get(link).content.decode()
    assert client.get(page).status_code == 404


def test_an_english_complainant_gets_an_english_link_from_a_dutch_committee_page(client, registration, complaints):
    case, _ = file_case(registration, language="en")
    mail.outbox.clear()
    with translation.override("nl"):  # the committee member reads Kring in Dutch
        procedure.receipt_confirm(case, by=complaints.user)
    (confirmed,) = mail.outbox
    assert confirmed.extra_headers["Content-Language"] == "en"
    link = next(word for word in confirmed.body.split() if "/complaints/follow/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert path.startswith("en/complaints/follow/")
    page = client.get("/" + path)
    assert page.status_code == 200 and '<html lang="en"' in page.content.decode()


def test_the_trainer_hears_of_a_hearing_or_a_longer_term_only_once_told_of_the_complaint(
    registration, complaints, trainer
):
    case, _ = file_case(registration)
    case = procedure.receipt_confirm(case, by=complaints.user)
    mail.outbox.clear()
    case = procedure.term_extend(case, reason="Een getuige is op reis.", by=complaints.user)
    case = procedure.hearing_set(case, on=TODAY() + datetime.timedelta(days=7), by=complaints.user)
    assert {m.to[0] for m in mail.outbox} == {"klager@example.org"}  # the trainer has not been told yet
    procedure.trainer_invite(case, question="Wil je reageren?", by=complaints.user)
    mail.outbox.clear()
    procedure.hearing_set(case, on=TODAY() + datetime.timedelta(days=8), by=complaints.user)
    (to_trainer,) = [m for m in mail.outbox if m.to == [trainer.email]]
    assert reverse("complaints:trainer_cases") in to_trainer.body
