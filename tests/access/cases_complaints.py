"""Access to complaints: anyone files and follows a private link; only the committee reads cases (and
not those it has a conflict with); the trainer sees what concerns them (also when no longer registered);
the office only counts."""

from kring.complaints.models import Case
from kring.complaints.services import procedure, publication
from kring.complaints.tests.helpers import file_case, invited_case, pdf_upload
from kring.cpd.evidence import clean_evidence
from kring.intervision.models import GroupMember
from kring.intervision.tests.helpers import make_group, make_trainer
from tests import factories as t
from tests.access.matrix import EVERYONE, LOGGED_IN
from tests.access.matrix import Case as AccessCase

TRAINER = frozenset({"trainer"})
COMMITTEE = frozenset({"complaints"})
OFFICE = frozenset({"office"})
NOBODY = frozenset()


def other_registration():
    person = t.PersonFactory()
    return t.make_registration(person)


def a_case(p) -> Case:
    return file_case(other_registration(), documents=[clean_evidence(pdf_upload())])[0]


def case_pk(p):
    return {"pk": a_case(p).pk}


def document(p):
    case = a_case(p)
    return {"pk": case.pk, "document_pk": case.documents.get().pk}


def conflicted(p):
    """A case about a trainer in the committee member's intervision group."""
    colleague = make_trainer()
    GroupMember.objects.create(group=make_group(colleague), person=p["complaints"])
    return {"pk": file_case(colleague.registrations.get())[0].pk}


def token(p):
    case, link = file_case(other_registration())
    return {"token": link}


def step(p):
    return {"pk": a_case(p).pk, "step": "note"}


def published_ruling(p):
    case = invited_case(other_registration(), p["complaints"].user)
    procedure.case_decide(case, outcome="warning", reason="Gegrond", by=p["complaints"].user)
    ruling = publication.ruling_draft(Case.objects.get(pk=case.pk), text="Geanonimiseerd.", by=p["complaints"].user)
    second = t.PersonFactory()
    t.grant(second.user, "complaints")
    return {"pk": publication.ruling_approve(ruling, by=second.user).pk}


def draft_ruling(p):
    case = invited_case(other_registration(), p["complaints"].user)
    procedure.case_decide(case, outcome="warning", reason="Gegrond", by=p["complaints"].user)
    other = t.PersonFactory()
    return {"pk": publication.ruling_draft(Case.objects.get(pk=case.pk), text="Concept.", by=other.user).pk}


def own_case(p):
    return {"pk": invited_case(p["trainer"].registrations.get(), p["complaints"].user).pk}


def own_step(p):
    return {**own_case(p), "step": "respond"}


CASES = [
    AccessCase("complaints:ethics", EVERYONE),
    AccessCase("complaints:ethics_version", EVERYONE, kwargs=lambda p: {"version": "2024"}),
    AccessCase("complaints:ethics_accept", TRAINER, method="post", data={"accept": "on"}, ok=(302,)),
    AccessCase("complaints:file", EVERYONE),
    AccessCase("complaints:follow", EVERYONE, kwargs=token),
    AccessCase("complaints:new_link", EVERYONE),
    AccessCase("complaints:rulings", EVERYONE),
    AccessCase("complaints:ruling", EVERYONE, kwargs=published_ruling),
    AccessCase("complaints:committee_list", COMMITTEE),
    AccessCase("complaints:committee_case", COMMITTEE, kwargs=case_pk),
    AccessCase("complaints:committee_case", NOBODY, kwargs=conflicted),
    AccessCase("complaints:committee_document", COMMITTEE, kwargs=document),
    AccessCase("complaints:committee_conflict", COMMITTEE, kwargs=case_pk, method="post", ok=(302,)),
    AccessCase("complaints:committee_step", COMMITTEE, kwargs=step, method="post", data={"text": "Notitie"}, ok=(302,)),
    AccessCase("complaints:ruling_approve", COMMITTEE, kwargs=draft_ruling, method="post", ok=(302,)),
    # Open to every account (a suspended trainer reads their decision); each sees only the complaints about them.
    AccessCase("complaints:trainer_cases", LOGGED_IN),
    AccessCase("complaints:trainer_case", TRAINER, kwargs=own_case),
    AccessCase("complaints:trainer_step", TRAINER, kwargs=own_step, method="post", data={"text": "Reactie"}, ok=(302,)),
    AccessCase("complaints:office_counts", OFFICE),
    AccessCase("complaints:office_ethics", OFFICE),
]

__all__ = ["CASES"]
