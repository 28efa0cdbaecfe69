"""Find: the entry, courses and retreats are public; supervisors and supervision are for trainers; a trainer
manages only their own courses and retreats (anyone else's gives 404); the office recognises supervisors."""

import datetime

from django.utils import timezone

from kring.find import services
from kring.find.models import Retreat
from kring.find.tests.helpers import make_course, make_retreat, make_trainer, recognise, retreat_data
from tests.access.matrix import EVERYONE, Case

TRAINER = frozenset({"trainer"})
TRAINER_OR_OFFICE = frozenset({"trainer", "office"})
OFFICE = frozenset({"office"})
NOBODY = frozenset()
INSTITUTE = frozenset({"institute"})
TRAINER_OR_INSTITUTE = TRAINER | INSTITUTE


def own_institute(personas):
    return {"institute_pk": personas["institute"].user.institute_grants.get().institute.pk}


def other_institute(personas):
    from tests import factories as t

    return {"institute_pk": t.make_institute("Ander Instituut").pk}


def institute_retreat(personas):
    institute = personas["institute"].user.institute_grants.get().institute
    return {"pk": services.retreat_announce(institute=institute, data=retreat_data(), by=None).pk}


def own_course(personas):
    return {"pk": make_course(personas["trainer"], postcode="3512", country="NL").pk}


def colleagues_course(personas):
    return {"pk": make_course(make_trainer()).pk}


def own_retreat(personas):
    return {"pk": make_retreat(personas["trainer"]).pk}


def colleagues_retreat(personas):
    return {"pk": make_retreat(make_trainer()).pk}


def own_past_retreat(personas):
    retreat = make_retreat(personas["trainer"])
    today = timezone.localdate()
    Retreat.objects.filter(pk=retreat.pk).update(starts_on=today - datetime.timedelta(days=5), ends_on=today)
    return {"pk": retreat.pk}


def supervisor_number(personas):
    supervisor = make_trainer()
    recognise(supervisor, personas["office"])
    return {"number": supervisor.registrations.get().number}


def question_to_trainer(personas):
    """A question asked of the persona trainer as supervisor: only they may answer it."""
    recognise(personas["trainer"], personas["office"])
    asker = make_trainer()
    return {"pk": services.supervision_ask(supervisor=personas["trainer"], trainee=asker, message="", by=asker.user).pk}


def question_to_colleague(personas):
    supervisor = make_trainer()
    recognise(supervisor, personas["office"])
    trainer = personas["trainer"]
    return {"pk": services.supervision_ask(supervisor=supervisor, trainee=trainer, message="", by=trainer.user).pk}


CASES = [
    Case("find:home", EVERYONE),
    Case("find:courses", EVERYONE),
    Case("find:courses", EVERYONE, query="?postcode=9000&country=BE&distance=25&programme=mbsr&within=2"),
    Case("find:course", EVERYONE, kwargs=colleagues_course),
    Case("find:course_ics", EVERYONE, kwargs=colleagues_course),
    Case("find:retreats", EVERYONE),
    Case("find:retreat", EVERYONE, kwargs=colleagues_retreat),
    Case("find:retreat_ics", EVERYONE, kwargs=colleagues_retreat),
    Case("find:supervisors", TRAINER_OR_OFFICE),
    Case("find:supervision_ask", TRAINER, kwargs=supervisor_number),
    Case("find:my_supervision", TRAINER),
    Case(
        "find:supervision_decide",
        TRAINER,
        kwargs=question_to_trainer,
        method="post",
        data={"answer": "accept"},
        ok=(302,),
    ),
    Case("find:supervision_decide", NOBODY, kwargs=question_to_colleague, method="post", data={"answer": "accept"}),
    Case(
        "find:supervision_log",
        NOBODY,
        kwargs=question_to_colleague,
        method="post",
        data={"on": "2026-01-01", "hours": "1"},
    ),
    Case("find:my_offers", TRAINER_OR_INSTITUTE),
    Case("find:institute_retreat_add", INSTITUTE, kwargs=own_institute),
    Case("find:institute_retreat_add", NOBODY, kwargs=other_institute),
    Case("find:retreat_edit", INSTITUTE, kwargs=institute_retreat),
    Case("find:course_add", TRAINER),
    Case("find:course_add", TRAINER, method="post", data={"starts_on": "2020-01-01", "price": "-1"}),
    Case("find:course_edit", TRAINER, kwargs=own_course),
    Case("find:course_edit", NOBODY, kwargs=colleagues_course),
    Case("find:retreat_edit", TRAINER, kwargs=own_retreat),
    Case("find:retreat_edit", NOBODY, kwargs=colleagues_retreat),
    Case("find:course_withdraw", TRAINER, kwargs=own_course, method="post", ok=(302,)),
    Case("find:course_withdraw", NOBODY, kwargs=colleagues_course, method="post"),
    Case("find:retreat_add", TRAINER),
    Case("find:retreat_withdraw", TRAINER, kwargs=own_retreat, method="post", ok=(302,)),
    Case("find:retreat_withdraw", NOBODY, kwargs=colleagues_retreat, method="post"),
    Case("find:retreat_attendance", TRAINER, kwargs=own_past_retreat),
    Case("find:retreat_attendance", NOBODY, kwargs=colleagues_retreat),
    Case("admin:find_supervisorrecognition_changelist", OFFICE),
    Case("admin:find_supervisorrecognition_add", OFFICE),
    Case("admin:find_course_changelist", OFFICE),
]
