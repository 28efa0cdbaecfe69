"""The committee decides only once its own question is answered, and the question form goes away
with the decision."""

import pytest

from kring.core.refusals import Refused
from kring.recertification.models import Decision
from kring.recertification.services import committee, dossiers
from kring.recertification.tests.conftest import en


def submit(cycle):
    return dossiers.dossier_submit(dossiers.dossier_for_cycle(cycle), by=cycle.registration.person.user).dossier


def test_no_decision_while_the_committees_question_is_open(certification, trainer, cycle, login):
    dossier = submit(cycle)
    question = committee.question_ask(dossier, question="Wanneer ga je op retraite?", by=certification.user)
    with pytest.raises(Refused, match="nog niet beantwoord"):
        committee.dossier_decide(dossier, outcome="accept", reason="Mooi.", by=certification.user)
    assert not Decision.objects.exists()
    page = login(certification).get(en("recertification:committee_dossier", dossier.pk)).content.decode()
    assert "Record the decision" not in page and "not yet answered" in page

    committee.question_answer(question, answer="In mei.", by=trainer.user)
    committee.dossier_decide(dossier, outcome="accept", reason="Mooi.", by=certification.user)
    page = login(certification).get(en("recertification:committee_dossier", dossier.pk)).content.decode()
    assert "Send the question" not in page and "Record the decision" not in page
