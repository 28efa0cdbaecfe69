"""The seal: only complaints committee members without a conflict read a case — by request and by query."""

import pytest
from django.contrib import admin
from django.urls import reverse

from kring.complaints import visibility
from kring.complaints.models import Case
from kring.complaints.services import procedure
from kring.complaints.tests.helpers import SECRET_TEXT, file_case, pdf_upload
from kring.core.models import AuditEntry
from kring.cpd.evidence import clean_evidence
from kring.intervision.models import GroupMember
from kring.intervision.tests.helpers import make_group
from tests import factories as t


@pytest.fixture
def case(trainer):
    return file_case(trainer.registrations.get(), documents=[clean_evidence(pdf_upload())])[0]


def _urls(case):
    document = case.documents.first()
    return [
        reverse("complaints:committee_case", kwargs={"pk": case.pk}),
        reverse("complaints:committee_document", kwargs={"pk": case.pk, "document_pk": document.pk}),
    ]


def _superuser():
    person = t.PersonFactory(first_name="Super", last_name="Gebruiker")
    person.user.is_superuser = person.user.is_staff = True
    person.user.save()
    t.add_totp(person.user)
    return person


def test_the_committee_member_reads_the_case_and_it_is_in_the_audit_trail(client, case, complaints):
    client.force_login(complaints.user)
    for url in _urls(case):
        assert client.get(url).status_code == 200
    assert SECRET_TEXT in client.get(_urls(case)[0]).content.decode()
    assert AuditEntry.objects.filter(action="kring.complaints.case.read", actor=complaints.user).count() == 3


@pytest.mark.parametrize("persona", ["office", "board", "certification", "trainer", "member"])
def test_other_roles_cannot_open_a_case(request, client, case, persona):
    person = request.getfixturevalue(persona)
    client.force_login(person.user)
    for url in _urls(case):
        assert client.get(url).status_code in (403, 404)
    assert not visibility.committee_cases(person.user).exists()


def test_a_superuser_cannot_open_a_case_nor_find_it_in_the_admin(client, case):
    superuser = _superuser()
    client.force_login(superuser.user)
    for url in _urls(case):
        assert client.get(url).status_code in (403, 404)
    assert not visibility.committee_cases(superuser.user).exists()
    registered = {model._meta.label for model in admin.site._registry}
    assert not {label for label in registered if label.startswith("complaints.")} - {"complaints.EthicsCode"}
    assert client.get("/bureau/complaints/case/").status_code == 404
    assert client.get(f"/bureau/complaints/case/{case.pk}/change/").status_code == 404
    assert SECRET_TEXT not in client.get("/bureau/").content.decode()


def test_the_subject_on_the_committee_cannot_open_the_complaint_about_them(client, trainer, case):
    t.grant(trainer.user, "complaints")
    t.add_totp(trainer.user)
    client.force_login(trainer.user)
    assert client.get(_urls(case)[0]).status_code == 404
    assert not visibility.committee_cases(trainer.user).filter(pk=case.pk).exists()


def test_a_member_in_the_trainers_intervision_group_cannot_open_the_case(client, trainer, complaints, case):
    group = make_group(trainer)
    GroupMember.objects.create(group=group, person=complaints)
    client.force_login(complaints.user)
    assert client.get(_urls(case)[0]).status_code == 404
    assert not visibility.committee_cases(complaints.user).exists()
    # Steps are refused in the same way: a POST changes nothing.
    client.post(reverse("complaints:committee_step", kwargs={"pk": case.pk, "step": "confirm"}))
    assert Case.objects.get(pk=case.pk).stage == "received"


def test_a_member_who_declares_a_conflict_no_longer_opens_the_case(client, complaints, case):
    client.force_login(complaints.user)
    client.post(reverse("complaints:committee_conflict", kwargs={"pk": case.pk}))
    assert client.get(_urls(case)[0]).status_code == 404
    assert not visibility.committee_cases(complaints.user).exists()
    response = client.get(reverse("complaints:committee_list"))
    assert "belangenconflict" in response.content.decode()


def test_the_office_sees_only_counts(client, office, case, complaints):
    procedure.receipt_confirm(case, by=complaints.user)
    client.force_login(office.user)
    page = client.get(reverse("complaints:office_counts")).content.decode()
    assert case.number not in page and SECRET_TEXT not in page and "Thijs" not in page
    assert "Ontvangst bevestigd" in page


def test_a_document_downloads_as_a_named_file_with_its_extension(client, case, complaints):
    client.force_login(complaints.user)
    response = client.get(_urls(case)[1])
    name = f"{case.number.lower()}-document-{case.documents.get().pk}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["Cache-Control"] == "private, no-store"
