"""Access to recertification: a trainer only their own, the committee the dossiers, the office only status."""

import datetime

from kring.cpd.models import Activity
from kring.intervision.models import GroupMember
from kring.intervision.tests.helpers import make_group, make_trainer
from kring.recertification.models import Application, Decision, InformationRequest, Objection
from kring.recertification.services import cycles, dossiers
from tests import factories as t
from tests.access.matrix import LOGGED_IN, Case

TRAINER = frozenset({"trainer"})
COMMITTEE = frozenset({"certification"})
OFFICE = frozenset({"office"})
BOARD = frozenset({"board"})
NOBODY = frozenset()


def own_activity(p):
    activity = Activity.objects.create(person=p["trainer"], kind="supervision", date=datetime.date.today(), hours=2)
    return {"pk": activity.pk}


def submitted(person):
    """The person's dossier, submitted: incomplete, so it is with the committee."""
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(person))
    return dossiers.dossier_submit(dossier, by=person.user).dossier


def other_dossier(p):
    """A dossier of another trainer, with the committee (questions, decisions and objections hang on it)."""
    person = t.PersonFactory()
    t.make_registration(person)
    return submitted(person)


def draft_dossier(p):
    """Another trainer's dossier that they are still writing: not before the committee."""
    person = t.PersonFactory()
    t.make_registration(person)
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(person))
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_inquiry": "Nog niet af."}, by=person.user)
    return {"pk": dossier.pk}


def colleague_of_committee_member(p):
    """A trainer in the same intervision group as the certification committee member."""
    colleague = make_trainer()
    group = make_group(colleague)
    GroupMember.objects.create(group=group, person=p["certification"])
    return colleague


def conflicted_dossier(p):
    return {"pk": submitted(colleague_of_committee_member(p)).pk}


def conflicted_evidence(p):
    dossier = submitted(colleague_of_committee_member(p))
    return {"pk": _evidence_of(dossier.person).pk}


def draft_evidence(p):
    person = t.PersonFactory()
    t.make_registration(person)
    dossiers.dossier_save_peer_report(
        dossiers.dossier_for_cycle(cycles.current_cycle(person)), report="Nog niet af.", by=person.user
    )
    return {"pk": _evidence_of(person).pk}


def own_dossier(p):
    return submitted(p["trainer"])


def own_question(p):
    return {"pk": InformationRequest.objects.create(dossier=own_dossier(p), question="Hoe ging het?").pk}


def own_decision(p):
    return {"pk": Decision.objects.create(dossier=own_dossier(p), outcome="basis", reason="Te weinig cursussen.").pk}


def conditional_decision(p):
    """A decision with conditions on another trainer's dossier (the committee may mark them met)."""
    decision = Decision.objects.create(
        dossier=other_dossier(p), outcome="accept_conditions", reason="Goed.", conditions="Een retraite."
    )
    return {"pk": decision.pk}


def own_invitation(p):
    other = other_dossier(p)
    from kring.recertification.models import PeerInvitation

    return {"pk": PeerInvitation.objects.create(dossier=other, colleague=p["trainer"]).pk}


def objection(p):
    decision = Decision.objects.create(dossier=other_dossier(p), outcome="refuse", reason="Onvolledig.")
    return {"pk": Objection.objects.create(decision=decision, text="Ik ben het er niet mee eens.").pk}


def application(p, person=None):
    from django.core.files.base import ContentFile

    app = Application(
        person=person or t.PersonFactory(),
        programme_name="Opleiding X",
        graduated_on=datetime.date(2025, 6, 1),
        study_hours=220,
        contact_hours=130,
        retreat_days=6,
        experience="Twee jaar lesgeven.",
        certificate_type="application/pdf",
    )
    app.certificate.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    app.save()
    return {"pk": app.pk}


def conflicted_application(p):
    """An application of someone in the committee member's intervision group."""
    applicant = t.PersonFactory()
    group = make_group(make_trainer())
    GroupMember.objects.create(group=group, person=applicant)
    GroupMember.objects.create(group=group, person=p["certification"])
    return application(p, applicant)


def _evidence_of(person):
    from django.core.files.base import ContentFile

    activity = Activity(
        person=person, kind="supervision", date=datetime.date.today(), hours=2, evidence_type="application/pdf"
    )
    activity.evidence.save("e.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    activity.save()
    return activity


def own_objection_of_board_member(p):
    """The board member is a trainer too and objected to a decision on their own dossier."""
    board = p["board"]
    if not board.registrations.exists():
        t.make_registration(board)
    decision = Decision.objects.create(dossier=submitted(board), outcome="refuse", reason="Onvolledig.")
    return {"pk": Objection.objects.create(decision=decision, text="Ik ben het er niet mee eens.").pk}


def committee_evidence(p):
    return {"pk": _evidence_of(other_dossier(p).person).pk}


def answer_attachment(p):
    from django.core.files.base import ContentFile

    question = InformationRequest(
        dossier=other_dossier(p), question="Bewijs?", answer="Hier.", attachment_type="application/pdf"
    )
    question.attachment.save("a.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    question.save()
    return {"pk": question.pk}


def own_evidence(p):
    from django.core.files.base import ContentFile

    activity = Activity(
        person=p["trainer"], kind="supervision", date=datetime.date.today(), hours=2, evidence_type="application/pdf"
    )
    activity.evidence.save("e.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    activity.save()
    return {"pk": activity.pk}


CASES = [
    Case("recertification:dashboard", TRAINER),
    Case("recertification:activity_list", TRAINER),
    Case("recertification:activity_add", TRAINER),
    Case("recertification:activity_edit", TRAINER, kwargs=own_activity),
    Case("recertification:activity_delete", TRAINER, kwargs=own_activity),
    Case("recertification:activity_evidence", TRAINER, kwargs=own_evidence),
    Case("recertification:dossier", TRAINER),
    Case("recertification:dossier_ethics", TRAINER),
    Case("recertification:dossier_reflection", TRAINER),
    Case("recertification:dossier_peers", TRAINER),
    Case("recertification:dossier_submit", TRAINER),
    Case("recertification:dossier_submit", TRAINER, method="post", ok=(302,)),
    Case(
        "recertification:question_answer",
        TRAINER,
        kwargs=own_question,
        method="post",
        data={"answer": "Goed."},
        ok=(302,),
    ),
    Case("recertification:objection", TRAINER, kwargs=own_decision),
    Case("recertification:peer_requests", TRAINER),
    Case("recertification:peer_confirm", TRAINER, kwargs=own_invitation, method="post", ok=(302,)),
    Case("recertification:application", LOGGED_IN),
    Case("recertification:committee_queue", COMMITTEE),
    Case("recertification:committee_dossier", COMMITTEE, kwargs=lambda p: {"pk": other_dossier(p).pk}),
    # Not before the committee, or not before this member: not found, as if it did not exist.
    Case("recertification:committee_dossier", NOBODY, kwargs=draft_dossier),
    Case("recertification:committee_dossier", NOBODY, kwargs=conflicted_dossier),
    Case(
        "recertification:committee_decide",
        NOBODY,
        kwargs=conflicted_dossier,
        method="post",
        data={"outcome": "accept", "reason": "Compleet."},
    ),
    Case("recertification:committee_evidence", NOBODY, kwargs=draft_evidence),
    Case("recertification:committee_evidence", NOBODY, kwargs=conflicted_evidence),
    Case("recertification:committee_application", NOBODY, kwargs=conflicted_application),
    Case("recertification:committee_certificate", NOBODY, kwargs=conflicted_application),
    Case("recertification:board_objection", NOBODY, kwargs=own_objection_of_board_member),
    Case(
        "recertification:committee_ask",
        COMMITTEE,
        kwargs=lambda p: {"pk": other_dossier(p).pk},
        method="post",
        data={"question": "Kun je je supervisie laten zien?"},
        ok=(302,),
    ),
    Case(
        "recertification:committee_note",
        COMMITTEE,
        kwargs=lambda p: {"pk": other_dossier(p).pk},
        method="post",
        data={"text": "Gebeld."},
        ok=(302,),
    ),
    Case(
        "recertification:committee_decide",
        COMMITTEE,
        kwargs=lambda p: {"pk": other_dossier(p).pk},
        method="post",
        data={"outcome": "accept", "reason": "Compleet."},
        ok=(302,),
    ),
    Case("recertification:committee_evidence", COMMITTEE, kwargs=committee_evidence),
    Case("recertification:committee_answer_attachment", COMMITTEE, kwargs=answer_attachment),
    Case("recertification:committee_application", COMMITTEE, kwargs=application),
    Case("recertification:committee_certificate", COMMITTEE, kwargs=application),
    Case("recertification:office_overview", OFFICE),
    Case("recertification:board_objections", BOARD),
    Case("recertification:board_objection", BOARD, kwargs=objection),
    Case("admin:recertification_certificationscheme_changelist", OFFICE),
    Case("admin:recertification_samplesetting_changelist", OFFICE),
    Case(
        "recertification:committee_conditions_met",
        COMMITTEE,
        kwargs=conditional_decision,
        method="post",
        data={"note": "Retraite gevolgd."},
        ok=(302,),
    ),
]
