"""Two committee members deciding, or an institute clicking submit twice, at the same moment: each is
stored once (threads with their own connections, on PostgreSQL)."""

import pytest

from kring.accreditation import defaults
from kring.accreditation.models import AccreditationPeriod, ApplicationVersion, Decision
from kring.accreditation.services import applications, decisions
from kring.accreditation.tests.conftest import fill
from kring.members import vocabulary
from tests import factories as t
from tests.races import POSTGRES_ONLY, race

pytestmark = [pytest.mark.django_db(transaction=True), POSTGRES_ONLY]


@pytest.fixture(autouse=True)
def _data(transactional_db):
    vocabulary.load()
    defaults.load()


def member_of_committee():
    person = t.PersonFactory()
    t.grant(person.user, "accreditation")
    return person.user


def test_accredit_and_refuse_at_the_same_moment_store_one_decision(programme, institute):
    application = fill(applications.application_start(programme, by=institute.user), institute.user)
    applications.application_submit(application, by=institute.user)
    choices = [(member_of_committee(), "accredit"), (member_of_committee(), "refuse")]
    outcomes = race(
        lambda c: decisions.application_decide(application, outcome=c[1], reason="Gelezen.", by=c[0]),
        choices,
    )
    assert sorted(outcomes) == ["done", "refused"]
    assert Decision.objects.count() == 1
    assert AccreditationPeriod.objects.count() == (1 if Decision.objects.get().outcome == "accredit" else 0)


def test_two_submits_at_the_same_moment_store_one_version(programme, institute):
    application = fill(applications.application_start(programme, by=institute.user), institute.user)
    outcomes = race(lambda _n: applications.application_submit(application, by=institute.user), [1, 2])
    assert outcomes == ["done", "done"]
    assert ApplicationVersion.objects.count() == 1


def test_two_board_members_deciding_one_objection_at_the_same_moment_decide_once(programme, institute):
    application = fill(applications.application_start(programme, by=institute.user), institute.user)
    applications.application_submit(application, by=institute.user)
    decision = decisions.application_decide(application, outcome="refuse", reason="Te kort.", by=member_of_committee())
    objection = decisions.objection_file(decision, text="Niet eens.", by=institute.user)
    board = []
    for _n in range(2):
        person = t.PersonFactory()
        t.grant(person.user, "board")
        board.append(person.user)
    outcomes = race(
        lambda c: decisions.objection_decide(objection, outcome=c[1], reason="Gelezen.", by=c[0]),
        [(board[0], "upheld"), (board[1], "dismissed")],
    )
    assert sorted(outcomes) == ["done", "refused"]
    objection.refresh_from_db()
    assert AccreditationPeriod.objects.count() == (1 if objection.board_outcome == "upheld" else 0)
