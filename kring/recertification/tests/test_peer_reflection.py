"""The peer conversation: two certified colleagues confirm it took place; the trainer adds a report."""

import datetime

import pytest
from django.urls import reverse

from kring.core.refusals import Refused
from kring.recertification.models import PeerInvitation
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import en
from kring.register.models import RegistrationPeriod
from tests import factories as t


def test_it_invites_a_colleague_by_register_number_and_they_confirm(trainer, cycle, colleague, login, mailoutbox):
    client = login(trainer)
    client.post(reverse("recertification:dossier_peers"), {"identifier": "000777"})
    invitation = PeerInvitation.objects.get()
    assert invitation.colleague == colleague
    assert mailoutbox[-1].to == [colleague.email]

    client = login(colleague)
    assert "Thijs van Dijk" in client.get(reverse("recertification:peer_requests")).content.decode()
    client.post(reverse("recertification:peer_confirm", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.confirmed_at is not None


def test_it_invites_by_e_mail_address(trainer, cycle, colleague):
    dossier = dossiers.dossier_for_cycle(cycle)
    invitation = dossiers.peer_invite(dossier, identifier=colleague.email.upper(), by=trainer.user)
    assert invitation.colleague == colleague


def test_it_refuses_to_invite_the_trainer_themselves(trainer, cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    with pytest.raises(Refused):
        dossiers.peer_invite(dossier, identifier="004211", by=trainer.user)
    assert not PeerInvitation.objects.exists()


def test_it_refuses_a_register_number_that_is_not_certified(trainer, cycle, login):
    response = login(trainer).post(en("recertification:dossier_peers"), {"identifier": "999999"})
    assert "could not find a registered trainer" in response.content.decode()
    assert not PeerInvitation.objects.exists()


def test_the_answer_to_an_e_mail_address_never_tells_whose_address_it_is(
    trainer, cycle, colleague, member, login, mailoutbox
):
    client = login(trainer)

    def answer(address):
        response = client.post(en("recertification:dossier_peers"), {"identifier": address}, follow=True)
        return [str(message) for message in response.context["messages"]]

    neutral = ["If this address belongs to a registered trainer, they get an invitation now."]
    assert answer(member.email) == neutral  # a member, but not a trainer
    assert answer("niemand@example.org") == neutral
    assert answer(trainer.email) == neutral  # the trainer themselves
    assert mailoutbox == [] and not PeerInvitation.objects.exists()
    assert answer(colleague.email) == neutral
    assert [m.to for m in mailoutbox] == [[colleague.email]]
    assert PeerInvitation.objects.get().colleague == colleague


def test_invitations_are_limited_per_day(trainer, cycle, colleague, login, mailoutbox):
    client = login(trainer)
    for n in range(dossiers.MAX_INVITES_PER_DAY):
        client.post(reverse("recertification:dossier_peers"), {"identifier": f"probeer{n}@example.org"})
    dutch = client.post(reverse("recertification:dossier_peers"), {"identifier": "000777"})
    assert "Je hebt vandaag 10 uitnodigingen verstuurd" in dutch.content.decode()
    response = client.post(en("recertification:dossier_peers"), {"identifier": colleague.email})
    assert "You have sent 10 invitations today" in response.content.decode()
    assert not PeerInvitation.objects.exists() and mailoutbox == []


def test_a_colleague_whose_registration_ended_cannot_confirm(trainer, cycle, colleague):
    dossier = dossiers.dossier_for_cycle(cycle)
    invitation = dossiers.peer_invite(dossier, identifier="000777", by=trainer.user)
    RegistrationPeriod.objects.filter(registration__person=colleague).update(
        ends_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    with pytest.raises(Refused):
        dossiers.peer_confirm(invitation, by=colleague.user)
    invitation.refresh_from_db()
    assert invitation.confirmed_at is None


def test_the_trainer_cannot_confirm_their_own_conversation(trainer, cycle, colleague, login):
    dossier = dossiers.dossier_for_cycle(cycle)
    invitation = dossiers.peer_invite(dossier, identifier="000777", by=trainer.user)
    with pytest.raises(Refused):
        dossiers.peer_confirm(invitation, by=trainer.user)
    assert login(trainer).post(reverse("recertification:peer_confirm", args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.confirmed_at is None


def test_another_person_cannot_confirm_someone_elses_invitation(trainer, cycle, colleague):
    other = t.PersonFactory()
    t.make_registration(other)
    invitation = dossiers.peer_invite(dossiers.dossier_for_cycle(cycle), identifier="000777", by=trainer.user)
    with pytest.raises(Refused):
        dossiers.peer_confirm(invitation, by=other.user)


def test_it_keeps_the_trainers_report(trainer, cycle, login):
    login(trainer).post(reverse("recertification:dossier_peers"), {"report": "We spraken over inquiry."})
    assert dossiers.dossier_for_cycle(cycle).peer_report == "We spraken over inquiry."
