"""The sample: complete dossiers are accepted on trust except a reproducible, logged random sample."""

from decimal import Decimal

from kring.core.models import AuditEntry
from kring.recertification import rules
from kring.recertification.models import DossierStatus, SampleSetting
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import complete_dossier


def test_it_reproduces_a_draw_from_its_recorded_seed(trainer, cycle, colleague, second_colleague, add_activity):
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    dossiers.dossier_submit(dossier, by=trainer.user)
    draw = dossier.draws.get()
    assert draw.seed == rules.sample_seed(cycle.pk, draw.salt)
    assert rules.sample_draw(draw.seed, draw.percentage) == (draw.value, draw.sampled)
    entry = AuditEntry.objects.filter(action="kring.recertification.dossier.submitted").get()
    assert entry.data["draw_seed"] == draw.seed and entry.data["sampled"] == draw.sampled


def test_it_accepts_a_complete_dossier_on_trust_when_not_drawn(
    trainer, cycle, colleague, second_colleague, add_activity, mailoutbox
):
    SampleSetting.objects.create(percentage=0, salt="zout")
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    assert dossier.decisions.get().on_trust
    assert [m.to for m in mailoutbox if "herregistratie" in m.body or "recertification" in m.body.lower()]


def test_it_sends_a_drawn_dossier_to_the_committee(trainer, cycle, colleague, second_colleague, add_activity):
    SampleSetting.objects.create(percentage=100, salt="zout")
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.COMMITTEE
    assert dossier.draws.get().sampled
    assert not dossier.decisions.exists()


def test_it_sends_an_incomplete_dossier_to_the_committee_without_a_draw(trainer, cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.COMMITTEE
    assert not dossier.draws.exists()


def test_it_draws_about_the_set_share_of_cycles():
    sampled = sum(rules.sample_draw(rules.sample_seed(i, "zout"), Decimal(10))[1] for i in range(5000))
    assert 400 < sampled < 600
