"""Objection to the board: the trainer objects in the platform; the board's decision is final."""

import datetime

from django.urls import reverse

from kring.recertification.models import Objection, Outcome
from kring.recertification.services import committee as services
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import en
from kring.register.history import standing_on, with_history
from kring.register.models import Level


def test_the_trainer_objects_and_the_board_upholds_it(trainer, cycle, certification, board, login, mailoutbox):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    decision = services.dossier_decide(dossier, outcome=Outcome.REFUSE, reason="Geen retraite.", by=certification.user)
    client = login(trainer)
    assert "object to the board" in client.get(en("recertification:dossier")).content.decode()
    client.post(reverse("recertification:objection", args=[decision.pk]), {"text": "De retraite was in mei."})
    objection = Objection.objects.get()

    client = login(board)
    assert "Thijs van Dijk" in client.get(reverse("recertification:board_objections")).content.decode()
    client.post(
        reverse("recertification:board_objection", args=[objection.pk]),
        {"outcome": "upheld", "new_outcome": "accept", "reason": "Het bewijs is er."},
    )
    after = standing_on(with_history().get(pk=cycle.registration_id), cycle.ends_on + datetime.timedelta(days=1))
    assert after.registered and after.level == Level.SPECIALIST
    assert "Het bewijs is er." in mailoutbox[-1].body

    page = (
        login(trainer)
        .get(
            en("recertification:objection", dossier.decisions.get(by_board=True).pk),
        )
        .content.decode()
    )
    assert "Your objection" in page
    response = login(trainer).post(
        en("recertification:objection", dossier.decisions.get(by_board=True).pk), {"text": "Nog iets."}
    )
    assert "final" in response.content.decode()
    assert Objection.objects.count() == 1
