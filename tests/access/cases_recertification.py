"""Access to recertification: a trainer only their own, the committee the dossiers, the office only status."""

import datetime

from kring.cpd.models import Activity
from kring.recertification.models import Application, Decision, Dossier, InformationRequest, Objection
from kring.recertification.services import cycles, dossiers
from tests import factories as t
from tests.access.matrix import LOGGED_IN, Case

TRAINER = frozenset({"trainer"})
COMMITTEE = frozenset({"certification"})
OFFICE = frozenset({"office"})
BOARD = frozenset({"board"})


def own_activity(p):
    activity = Activity.objects.create(person=p["trainer"], kind="supervision", date=datetime.date.today(), hours=2)
    return {"pk": activity.pk}


def other_dossier(p):
    """A dossier of another trainer, with the committee, with a question, a decision and an objection."""
    person = t.PersonFactory()
    t.make_registration(person)
    dossier = dossiers.dossier_for_cycle(cycles.current_cycle(person))
    Dossier.objects.filter(pk=dossier.pk).update(status="committee")
    return dossier


def own_dossier(p):
    return dossiers.dossier_for_cycle(cycles.current_cycle(p["trainer"]))


def own_question(p):
    return {"pk": InformationRequest.objects.create(dossier=own_dossier(p), question="Hoe ging het?").pk}


def own_decision(p):
    return {"pk": Decision.objects.create(dossier=own_dossier(p), outcome="basis", reason="Te weinig cursussen.").pk}


def own_invitation(p):
    other = other_dossier(p)
    from kring.recertification.models import PeerInvitation

    return {"pk": PeerInvitation.objects.create(dossier=other, colleague=p["trainer"]).pk}


def objection(p):
    decision = Decision.objects.create(dossier=other_dossier(p), outcome="refuse", reason="Onvolledig.")
    return {"pk": Objection.objects.create(decision=decision, text="Ik ben het er niet mee eens.").pk}


def application(p):
    from django.core.files.base import ContentFile

    person = t.PersonFactory()
    app = Application(
        person=person,
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


def committee_evidence(p):
    dossier = other_dossier(p)
    from django.core.files.base import ContentFile

    activity = Activity(
        person=dossier.person, kind="supervision", date=datetime.date.today(), hours=2, evidence_type="application/pdf"
    )
    activity.evidence.save("e.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    activity.save()
    return {"pk": activity.pk}


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
]
