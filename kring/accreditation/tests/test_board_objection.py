"""The board decides on an institute's objection: final, with a reason the institute reads by e-mail.
Upheld against a refusal, the programme is accredited from today; upheld against conditions, the
conditions are lifted; dismissed, the committee's decision stands. Once, and never by a board member
who teaches at the institute."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from kring.accreditation.history import accredited_on
from kring.accreditation.models import AccreditationPeriod, Objection, Teacher
from kring.accreditation.services import decisions
from kring.core.models import AuditEntry
from kring.core.refusals import Refused


def objected(submitted, accreditation, institute, outcome="refuse", conditions=()):
    decision = decisions.application_decide(
        submitted, outcome=outcome, reason="Te weinig contacturen.", conditions=conditions, by=accreditation.user
    )
    return decisions.objection_file(decision, text="We geven 130 contacturen, zie bijlage 2.", by=institute.user)


@pytest.fixture
def objection(submitted, accreditation, institute):
    return objected(submitted, accreditation, institute)


def test_upheld_against_a_refusal_the_programme_is_accredited_from_today(objection, board):
    today = datetime.date.today()
    programme = objection.decision.application.programme
    assert not accredited_on(programme, today)
    mail.outbox.clear()
    decisions.objection_decide(objection, outcome="upheld", reason="De uren kloppen wel.", by=board.user)
    assert accredited_on(programme, today)
    period = AccreditationPeriod.objects.get(programme=programme)
    assert period.starts_on == today and period.reason == "board" and period.recorded_by == board.user
    assert mail.outbox[-1].to == [programme.institute.email]
    assert "De uren kloppen wel." in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="kring.accreditation.objection.decided").count() == 1


def test_dismissed_the_refusal_stands(objection, board):
    decisions.objection_decide(objection, outcome="dismissed", reason="Het besluit blijft.", by=board.user)
    assert not AccreditationPeriod.objects.exists()
    objection.refresh_from_db()
    assert objection.board_outcome == "dismissed" and objection.board_decided_by == board.user


def test_upheld_against_conditions_lifts_the_open_conditions(submitted, accreditation, institute, board):
    due = datetime.date.today() + datetime.timedelta(days=90)
    objection = objected(
        submitted, accreditation, institute, outcome="conditions", conditions=[("Een tweede supervisor.", due)]
    )
    decisions.objection_decide(objection, outcome="upheld", reason="Er is al een supervisor.", by=board.user)
    condition = objection.decision.conditions.get()
    assert condition.met_on == datetime.date.today() and condition.met_note == "Er is al een supervisor."


def test_the_board_decides_once(objection, board):
    decisions.objection_decide(objection, outcome="dismissed", reason="Het besluit blijft.", by=board.user)
    with pytest.raises(Refused):
        decisions.objection_decide(objection, outcome="upheld", reason="Toch wel.", by=board.user)
    assert not AccreditationPeriod.objects.exists()


@pytest.mark.parametrize(("outcome", "reason", "field"), [("upheld", "  ", "reason"), ("maybe", "Omdat.", "outcome")])
def test_without_a_reason_or_a_known_outcome_nothing_changes(objection, board, outcome, reason, field):
    mail.outbox.clear()
    with pytest.raises(Refused) as refused:
        decisions.objection_decide(objection, outcome=outcome, reason=reason, by=board.user)
    assert refused.value.field == field
    objection.refresh_from_db()
    assert objection.board_outcome == "" and not AccreditationPeriod.objects.exists() and not mail.outbox


def test_a_board_member_who_teaches_at_the_institute_neither_sees_nor_decides(objection, board, client):
    institute = objection.decision.application.programme.institute
    Teacher.objects.create(institute=institute, name="Bestuurder", email=board.user.email, qualification="-")
    with pytest.raises(Refused):
        decisions.objection_decide(objection, outcome="upheld", reason="Eens.", by=board.user)
    client.force_login(board.user)
    assert client.get(reverse("accreditation:board_objection", args=[objection.pk])).status_code == 404
    assert (
        objection.decision.application.programme.name
        not in client.get(reverse("accreditation:board_objections")).content.decode()
    )


def test_the_board_decides_on_its_page(objection, board, client):
    client.force_login(board.user)
    listed = client.get(reverse("accreditation:board_objections")).content.decode()
    assert objection.decision.application.programme.name in listed
    page = reverse("accreditation:board_objection", args=[objection.pk])
    assert "130 contacturen" in client.get(page).content.decode()
    empty = client.post(page, {"outcome": "upheld", "reason": ""})
    assert empty.status_code == 200 and not Objection.objects.exclude(board_outcome="").exists()
    done = client.post(page, {"outcome": "upheld", "reason": "De uren kloppen."}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("accreditation:board_objections")
    assert accredited_on(objection.decision.application.programme, datetime.date.today())
    assert "<form" not in client.get(page).content.decode().split("</header>")[1]  # decided: no form any more
