"""An institute writes its application criterion by criterion, adds documents and submits once."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from kring.accreditation.models import Answer, ApplicationStatus, ApplicationVersion, Kind
from kring.accreditation.services import applications
from kring.core.models import AuditEntry
from kring.core.refusals import Refused


def pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_it_saves_each_criterion_as_the_institute_goes(draft):
    assert draft.answers.count() == 9
    assert applications.missing(draft, applications.CriteriaVersion.objects.get(version=1)) == []


def test_it_refuses_hours_below_zero_and_changes_nothing(draft, institute):
    with pytest.raises(Refused, match="onder nul|below zero"):
        applications.answer_save(draft, kind=Kind.RETREAT_DAYS, number=Decimal("-1"), text="", by=institute.user)
    assert draft.answers.get(kind=Kind.RETREAT_DAYS).number == 6


def test_it_refuses_contact_hours_above_the_study_hours(draft, institute):
    with pytest.raises(Refused) as refused:
        applications.answer_save(draft, kind=Kind.CONTACT_HOURS, number=Decimal("300"), text="", by=institute.user)
    assert refused.value.field == "number"
    assert draft.answers.get(kind=Kind.CONTACT_HOURS).number == 130
    with pytest.raises(Refused):
        applications.answer_save(draft, kind=Kind.CURRICULUM_HOURS, number=Decimal("100"), text="", by=institute.user)
    assert draft.answers.get(kind=Kind.CURRICULUM_HOURS).number == 220


def test_the_page_shows_the_refusal_kindly(draft, institute, login):
    client = login(institute)
    url = reverse("accreditation:criterion", args=[draft.pk, Kind.CONTACT_HOURS])
    response = client.post(url, {"number": "-5", "text": ""})
    assert response.status_code == 200
    assert "onder nul" in response.content.decode()
    assert draft.answers.get(kind=Kind.CONTACT_HOURS).number == 130


def test_it_refuses_to_submit_before_every_criterion_is_answered(programme, institute):
    application = applications.application_start(programme, by=institute.user)
    with pytest.raises(Refused):
        applications.application_submit(application, by=institute.user)
    assert not ApplicationVersion.objects.exists()


def test_submitting_twice_stores_one_version(draft, institute):
    first = applications.application_submit(draft, by=institute.user)
    again = applications.application_submit(draft, by=institute.user)
    assert first == again
    assert ApplicationVersion.objects.count() == 1
    assert AuditEntry.objects.filter(action="kring.accreditation.application.submitted").count() == 1


def test_a_submitted_version_is_frozen(submitted, institute):
    with pytest.raises(Refused):
        applications.answer_save(submitted, kind=Kind.RETREAT_DAYS, number=Decimal("7"), text="", by=institute.user)
    assert submitted.versions.get().content["answers"]["retreat_days"]["number"] == "6.0"


def test_it_accepts_a_pdf_and_refuses_a_file_that_is_not_one(draft, institute, login):
    client = login(institute)
    url = reverse("accreditation:document_add", args=[draft.pk])
    client.post(url, {"title": "Curriculum", "kind": "", "file": SimpleUploadedFile("c.pdf", pdf())})
    client.post(url, {"title": "Virus", "kind": "", "file": SimpleUploadedFile("c.pdf", b"MZ\x90\x00 not a pdf")})
    assert [d.title for d in draft.documents.all()] == ["Curriculum"]


def test_a_re_accreditation_starts_from_the_last_application(submitted, institute, accreditation):
    from kring.accreditation.services import decisions

    decisions.application_decide(submitted, outcome="accredit", reason="Sterk programma.", by=accreditation.user)
    again = applications.application_start(submitted.programme, by=institute.user)
    assert again.pk != submitted.pk and again.based_on == submitted
    assert again.status == ApplicationStatus.DRAFT
    assert Answer.objects.filter(application=again).count() == 9
