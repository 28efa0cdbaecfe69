"""Access to accreditation: institute staff only their own institute, the committee the submitted
applications (not those of an institute where they teach), the office the status, everyone the list."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from kring.accreditation import defaults
from kring.accreditation.models import Chair, Decision, Document, Kind, Objection, Question, Reviewer, Teacher
from kring.accreditation.services import applications
from tests import factories as t
from tests.access.matrix import EVERYONE, Case

INSTITUTE = frozenset({"institute"})
COMMITTEE = frozenset({"accreditation"})
BOARD = frozenset({"board"})
OFFICE = frozenset({"office"})
NOBODY = frozenset()


def own_institute(p):
    return p["institute"].user.institute_grants.get().institute


def _application(programme, by):
    defaults.load()
    application = applications.application_start(programme, by=by)
    for criterion in applications.CriteriaVersion.objects.get(version=1).criteria.all():
        number = (
            Decimal(200) if criterion.kind == Kind.CURRICULUM_HOURS else Decimal(120) if criterion.numeric else None
        )
        applications.answer_save(application, kind=criterion.kind, number=number, text="Zo doen we het.", by=by)
    return application


def own_programme(p):
    return t.make_programme(own_institute(p))


def own_draft(p):
    return _application(own_programme(p), p["institute"].user)


def own_submitted(p):
    application = own_draft(p)
    applications.application_submit(application, by=p["institute"].user)
    return application


def other_submitted(p):
    """Another institute's application, with the committee."""
    programme = t.make_programme(t.make_institute("Ander Instituut"), "Andere opleiding")
    application = _application(programme, None)
    applications.application_submit(application, by=None)
    return application


def conflicted_submitted(p):
    """An application of an institute where the accreditation committee member teaches."""
    application = other_submitted(p)
    Teacher.objects.create(
        institute=application.programme.institute, name="Docent", email=p["accreditation"].user.email, qualification="-"
    )
    return {"pk": application.pk}


def own_question(p):
    return {"pk": Question.objects.create(application=own_submitted(p), text="Wie geeft les?").pk}


def own_decision(p):
    application = own_submitted(p)
    return {
        "pk": Decision.objects.create(
            application=application, version=application.versions.get(), outcome="refuse", reason="Te kort."
        ).pk
    }


def _document(application):
    document = Document(application=application, title="Curriculum", content_type="application/pdf")
    document.file.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return {"pk": document.pk}


def own_document(p):
    """A document of the institute's own application, which is with the committee."""
    return _document(own_submitted(p))


def reviewer_of_committee_member(p):
    application = other_submitted(p)
    Chair.objects.get_or_create(user=p["accreditation"].user)
    return {"pk": Reviewer.objects.create(application=application, user=p["accreditation"].user).pk}


def accredited_programme(p):
    programme = own_programme(p)
    t.accredit(programme, datetime.date(2024, 1, 1), datetime.date(2028, 12, 31))
    return {"slug": programme.slug}


def condition(p):
    application = other_submitted(p)
    decision = Decision.objects.create(
        application=application, version=application.versions.get(), outcome="conditions", reason="Bijna."
    )
    return {"pk": decision.conditions.create(text="Een supervisor.", due_on=datetime.date(2027, 1, 1)).pk}


def objection(p):
    """Another institute's objection to a refusal, waiting for the board."""
    application = other_submitted(p)
    decision = Decision.objects.create(
        application=application, version=application.versions.get(), outcome="refuse", reason="Te kort."
    )
    return {"pk": Objection.objects.create(decision=decision, text="Niet eens.").pk}


def pk(make):
    return lambda p: {"pk": make(p).pk}


CASES = [
    Case("accreditation:public_list", EVERYONE),
    Case("accreditation:public_programme", EVERYONE, kwargs=accredited_programme),
    Case("accreditation:public_programme", EVERYONE, kwargs=lambda p: {"slug": "bestaat-niet"}, ok=(404,)),
    Case("accreditation:institute_home", INSTITUTE),
    Case("accreditation:programme_new", INSTITUTE, kwargs=pk(own_institute)),
    Case("accreditation:programme_edit", INSTITUTE, kwargs=pk(own_programme)),
    Case("accreditation:programme_edit", INSTITUTE, kwargs=pk(own_programme), method="post", ok=(200,)),
    Case("accreditation:programme_edit", NOBODY, kwargs=pk(lambda p: t.make_programme(t.make_institute("Ander")))),
    Case("accreditation:teachers", INSTITUTE, kwargs=pk(own_institute)),
    Case("accreditation:teachers", NOBODY, kwargs=pk(lambda p: t.make_institute("Ander Instituut"))),
    Case("accreditation:application_start", INSTITUTE, kwargs=pk(own_programme), method="post", ok=(302,)),
    Case("accreditation:graduates", INSTITUTE, kwargs=pk(own_programme)),
    Case("accreditation:application", INSTITUTE, kwargs=pk(own_draft)),
    Case("accreditation:application", NOBODY, kwargs=pk(other_submitted)),
    Case("accreditation:criterion", INSTITUTE, kwargs=lambda p: {"pk": own_draft(p).pk, "kind": "assessment"}),
    Case("accreditation:document_add", INSTITUTE, kwargs=pk(own_draft), method="post", ok=(302,)),
    Case("accreditation:application_submit", INSTITUTE, kwargs=pk(own_draft), method="post", ok=(302,)),
    Case("accreditation:question_answer", INSTITUTE, kwargs=own_question, method="post", ok=(302,)),
    Case("accreditation:objection", INSTITUTE, kwargs=own_decision),
    Case("accreditation:document", INSTITUTE | COMMITTEE, kwargs=own_document),
    Case("accreditation:committee_queue", COMMITTEE),
    Case("accreditation:committee_application", COMMITTEE, kwargs=pk(other_submitted)),
    Case("accreditation:committee_application", NOBODY, kwargs=conflicted_submitted),
    Case("accreditation:committee_application", NOBODY, kwargs=pk(own_draft)),
    Case("accreditation:assign", COMMITTEE, kwargs=pk(other_submitted), method="post", ok=(302,)),
    Case("accreditation:ask", COMMITTEE, kwargs=pk(other_submitted), method="post", ok=(302,)),
    Case("accreditation:decide", COMMITTEE, kwargs=pk(other_submitted), method="post", ok=(302,)),
    Case("accreditation:decide", NOBODY, kwargs=conflicted_submitted, method="post"),
    Case("accreditation:statement", COMMITTEE, kwargs=reviewer_of_committee_member, method="post", ok=(302,)),
    Case("accreditation:assess", COMMITTEE, kwargs=reviewer_of_committee_member, method="post", ok=(302,)),
    Case("accreditation:condition_met", COMMITTEE, kwargs=condition, method="post", ok=(302,)),
    Case("accreditation:board_objections", BOARD),
    Case("accreditation:board_objection", BOARD, kwargs=objection),
    Case("accreditation:board_objection", BOARD, kwargs=objection, method="post", ok=(200,)),
    Case("accreditation:programme_status", OFFICE, kwargs=pk(own_programme)),
    Case("admin:accreditation_institute_changelist", OFFICE),
    Case("admin:accreditation_criteriaversion_changelist", OFFICE),
]
