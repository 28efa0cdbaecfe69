"""A question to the institute stops the review clock until the institute answers; changes the
institute makes meanwhile become a new submitted version."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from kring.accreditation import rules
from kring.accreditation.models import ApplicationStatus, Kind
from kring.accreditation.services import applications, decisions, review
from kring.core.refusals import Refused

D = datetime.date


def test_the_clock_counts_days_of_review():
    assert rules.review_clock(D(2026, 1, 1), [], D(2026, 1, 11)).days_used == 10


def test_the_clock_stands_still_while_a_question_is_open():
    clock = rules.review_clock(D(2026, 1, 1), [(D(2026, 1, 5), None)], D(2026, 3, 1))
    assert clock.days_used == 4 and clock.stopped
    assert clock.days_left == rules.REVIEW_DAYS - 4


def test_the_clock_runs_again_after_the_answer():
    clock = rules.review_clock(D(2026, 1, 1), [(D(2026, 1, 5), D(2026, 1, 25))], D(2026, 2, 1))
    assert clock.days_used == 31 - 20 and not clock.stopped


def test_a_question_stops_the_clock_and_mails_the_institute(submitted, accreditation):
    review.question_ask(submitted, text="Hoe lang duurt de retraite precies?", by=accreditation.user)
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.QUESTIONS
    assert review.clock_of(submitted).stopped
    assert mail.outbox[-1].to == [submitted.programme.institute.email]
    assert "retraite" in mail.outbox[-1].body


def test_the_committee_cannot_decide_while_a_question_is_open(submitted, accreditation):
    review.question_ask(submitted, text="Wie geeft supervisie?", by=accreditation.user)
    with pytest.raises(Refused):
        decisions.application_decide(submitted, outcome="accredit", reason="Goed.", by=accreditation.user)
    assert not submitted.decisions.exists()


def test_the_answer_restarts_the_clock_and_changes_make_a_new_version(submitted, accreditation, institute):
    question = review.question_ask(submitted, text="Is de retraite zeven dagen?", by=accreditation.user)
    applications.answer_save(
        submitted, kind=Kind.RETREAT_DAYS, number=Decimal("7"), text="Zeven dagen.", by=institute.user
    )
    review.question_answer(question, answer="Ja, vanaf dit jaar zeven dagen.", by=institute.user)
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.COMMITTEE
    assert not review.clock_of(submitted).stopped
    assert [v.number for v in submitted.versions.all()] == [1, 2]
    assert submitted.versions.get(number=1).content["answers"]["retreat_days"]["number"] == "6.0"
    assert submitted.versions.get(number=2).content["answers"]["retreat_days"]["number"] == "7.0"


def test_an_answer_without_changes_keeps_one_version_and_an_empty_answer_is_refused(
    submitted, accreditation, institute
):
    question = review.question_ask(submitted, text="Wie beoordeelt?", by=accreditation.user)
    with pytest.raises(Refused):
        review.question_answer(question, answer="  ", by=institute.user)
    review.question_answer(question, answer="Twee docenten.", by=institute.user)
    assert submitted.versions.count() == 1
