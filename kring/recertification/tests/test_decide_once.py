"""Deciding once, one after the other: a second decision is refused kindly and changes nothing;
a repeated submit (a double click) stores nothing new and ends on the same page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from kring.core.decisions import lock_for_decision
from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.recertification.models import Application, Decision, DossierStatus, Objection, Outcome
from kring.recertification.services import committee as services
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import plain_pdf
from kring.recertification.tests.test_first_certification import FORM
from kring.register.models import RegistrationPeriod
from tests import factories as t

DUTCH_ALREADY = "Een collega heeft net een besluit genomen over dit dossier."


def audits(action: str) -> int:
    return AuditEntry.objects.filter(action=f"kring.recertification.{action}").count()


@pytest.fixture
def dossier(trainer, cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)  # incomplete: goes to the committee
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def second_member(db):
    person = t.PersonFactory(first_name="Sanne", last_name="Tweede")
    t.grant(person.user, "certification")
    t.add_totp(person.user)
    return person


def test_a_second_decision_on_a_dossier_is_refused_and_changes_nothing(dossier, certification, second_member):
    services.dossier_decide(dossier, outcome=Outcome.ACCEPT, reason="Een mooi dossier.", by=certification.user)
    periods = RegistrationPeriod.objects.count()
    with translation.override("en"), pytest.raises(Refused, match="A colleague has just decided on this dossier."):
        services.dossier_decide(dossier, outcome=Outcome.REFUSE, reason="Toch niet.", by=second_member.user)
    assert dossier.decisions.count() == 1
    assert RegistrationPeriod.objects.count() == periods
    assert audits("dossier.decided") == 1


def test_the_committee_member_who_comes_second_reads_why_on_the_page(dossier, certification, second_member, login):
    services.dossier_decide(dossier, outcome=Outcome.ACCEPT, reason="Een mooi dossier.", by=certification.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED  # still before the committee, which decided it
    page = login(second_member).post(
        reverse("recertification:committee_decide", args=[dossier.pk]),
        {"outcome": Outcome.REFUSE, "reason": "Geen retraite."},
        follow=True,
    )
    assert DUTCH_ALREADY in page.content.decode()
    assert dossier.decisions.count() == 1


def test_the_database_stores_one_decision_per_round(dossier, certification):
    decision = services.dossier_decide(dossier, outcome=Outcome.ACCEPT, reason="Goed.", by=certification.user)
    assert decision.version == dossier.versions.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(dossier=dossier, version=decision.version, outcome=Outcome.REFUSE, reason="Dubbel")
    # The board may decide once on the same round, after an objection.
    Decision.objects.create(dossier=dossier, version=decision.version, outcome=Outcome.BASIS, reason="B", by_board=True)


def test_a_second_board_decision_on_an_objection_is_refused(dossier, certification, board):
    decision = services.dossier_decide(dossier, outcome=Outcome.REFUSE, reason="Geen retraite.", by=certification.user)
    objection = services.objection_file(decision, text="De retraite was in mei.", by=dossier.person.user)
    services.objection_decide(objection, outcome="dismissed", reason="Niet aangetoond.", by=board.user)
    with translation.override("en"), pytest.raises(Refused, match="A board member has just decided on this objection."):
        services.objection_decide(objection, outcome="upheld", reason="Toch wel.", by=board.user)
    objection.refresh_from_db()
    assert objection.board_outcome == "dismissed"
    assert not dossier.decisions.filter(by_board=True).exists()


def test_a_second_decision_on_an_application_is_refused(member, certification, second_member, login):
    login(member).post(
        reverse("recertification:application"), {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())}
    )
    application = Application.objects.get()
    services.application_decide(application, accept=False, reason="Te weinig uren.", by=certification.user)
    with translation.override("en"), pytest.raises(Refused, match="A colleague has just decided on this application."):
        services.application_decide(application, accept=True, reason="Wel genoeg.", by=second_member.user)
    application.refresh_from_db()
    assert application.status == "refused" and application.registration is None


def test_a_double_click_on_submit_dossier_makes_one_version_and_the_same_page(trainer, cycle, login):
    client = login(trainer)
    client.post(reverse("recertification:dossier_reflection"), {"reflection_inquiry": "Meer stilte."})
    pages = [client.post(reverse("recertification:dossier_submit"), follow=True) for _click in range(2)]
    assert dossiers.dossier_for_cycle(cycle).versions.count() == 1
    assert audits("dossier.submitted") == 1
    thanks = "de certificeringscommissie gaat het lezen"
    assert all(thanks in page.content.decode().lower() for page in pages)


def test_a_changed_dossier_submitted_again_makes_a_new_version(dossier, trainer):
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_group": "Aangevuld."}, by=trainer.user)
    dossiers.dossier_submit(dossier, by=trainer.user)
    assert dossier.versions.count() == 2


def test_a_double_click_on_an_objection_stores_it_once(dossier, certification, login):
    decision = services.dossier_decide(dossier, outcome=Outcome.BASIS, reason="Te weinig.", by=certification.user)
    client = login(dossier.person)
    for _click in range(2):
        response = client.post(reverse("recertification:objection", args=[decision.pk]), {"text": "Ik gaf les."})
        assert response.status_code == 302  # both end on the dossier page
    assert Objection.objects.count() == 1 and audits("objection.filed") == 1
    with pytest.raises(Refused):  # a different second objection is still refused
        services.objection_file(decision, text="Iets anders.", by=dossier.person.user)


def test_a_double_click_on_apply_stores_one_application(member, login):
    client = login(member)
    for _click in range(2):
        response = client.post(
            reverse("recertification:application"),
            {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
        )
        assert response.status_code == 302
    assert Application.objects.filter(person=member).count() == 1
    assert audits("application.submitted") == 1


def test_a_different_second_application_is_refused(member, login):
    client = login(member)
    client.post(
        reverse("recertification:application"),
        {**FORM, "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
    )
    with translation.override("en"):
        page = client.post(
            reverse("recertification:application"),
            {**FORM, "study_hours": "300", "certificate_file": SimpleUploadedFile("x.pdf", plain_pdf())},
        )
    assert Application.objects.filter(person=member).count() == 1
    assert "Your application is already with the committee." in page.content.decode()


def test_the_lock_helper_refuses_a_row_in_another_state(dossier):
    with transaction.atomic():
        assert lock_for_decision(type(dossier), dossier.pk, states=[DossierStatus.COMMITTEE], refused=Refused("x"))
        with pytest.raises(Refused, match="status is committee"):
            lock_for_decision(
                type(dossier), dossier.pk, states=["decided"], refused=lambda d: Refused(f"status is {d.status}")
            )
