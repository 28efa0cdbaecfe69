"""The committee decides with a written reason; accreditation gets a validity, conditions are
tracked, the institute is told by e-mail and can object to the board within 4 weeks."""

import datetime

import pytest
from django.core import mail

from kring.accreditation.history import accredited_on
from kring.accreditation.models import AccreditationPeriod, ApplicationStatus, Decision, Objection
from kring.accreditation.services import decisions
from kring.core.refusals import Refused


def test_accrediting_gives_five_years_and_mails_the_institute(submitted, accreditation):
    today = datetime.date.today()
    decision = decisions.application_decide(
        submitted, outcome="accredit", reason="Een sterk programma.", by=accreditation.user
    )
    period = AccreditationPeriod.objects.get(programme=submitted.programme)
    assert period.starts_on == today and period.ends_on == decision.valid_until
    assert (period.ends_on - today).days in (365 * 5 - 1, 365 * 5)
    assert accredited_on(submitted.programme, today)
    assert mail.outbox[-1].to == [submitted.programme.institute.email]
    assert "Een sterk programma." in mail.outbox[-1].body


def test_a_decision_without_a_reason_is_refused_and_nothing_changes(submitted, accreditation):
    with pytest.raises(Refused) as refused:
        decisions.application_decide(submitted, outcome="refuse", reason="  ", by=accreditation.user)
    assert refused.value.field == "reason"
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.COMMITTEE
    assert not Decision.objects.exists() and not mail.outbox


def test_refusing_records_no_accreditation(submitted, accreditation):
    decisions.application_decide(submitted, outcome="refuse", reason="Te weinig contacturen.", by=accreditation.user)
    assert not AccreditationPeriod.objects.exists()
    assert not accredited_on(submitted.programme, datetime.date.today())


def test_conditions_are_required_and_tracked_until_met(submitted, accreditation):
    with pytest.raises(Refused):
        decisions.application_decide(submitted, outcome="conditions", reason="Bijna.", by=accreditation.user)
    due = datetime.date.today() + datetime.timedelta(days=180)
    decision = decisions.application_decide(
        submitted,
        outcome="conditions",
        reason="Bijna.",
        conditions=[("Een tweede supervisor.", due)],
        by=accreditation.user,
    )
    condition = decision.conditions.get()
    assert condition.met_on is None
    decisions.condition_met(condition, note="Aangesteld in maart.", by=accreditation.user)
    with pytest.raises(Refused):
        decisions.condition_met(condition, note="Nog eens.", by=accreditation.user)
    condition.refresh_from_db()
    assert condition.met_note == "Aangesteld in maart."


def test_one_decision_per_round(submitted, accreditation, colleague):
    decisions.application_decide(submitted, outcome="accredit", reason="Goed.", by=accreditation.user)
    with pytest.raises(Refused, match="collega|colleague"):
        decisions.application_decide(submitted, outcome="refuse", reason="Toch niet.", by=colleague.user)
    assert Decision.objects.count() == 1


def test_an_objection_within_four_weeks_and_not_after(submitted, accreditation, institute):
    decision = decisions.application_decide(submitted, outcome="refuse", reason="Te kort.", by=accreditation.user)
    late = datetime.date.today() + datetime.timedelta(days=29)
    with pytest.raises(Refused):
        decisions.objection_file(decision, text="Wij zijn het oneens.", by=institute.user, today=late)
    decisions.objection_file(decision, text="Wij zijn het oneens.", by=institute.user)
    with pytest.raises(Refused):
        decisions.objection_file(decision, text="Nog een keer.", by=institute.user)
    assert Objection.objects.get(decision=decision).text == "Wij zijn het oneens."
