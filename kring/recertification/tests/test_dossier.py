"""The dossier: filled in bit by bit, frozen on submit in versions, one per cycle, seen by the right people."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from kring.core.refusals import Refused
from kring.recertification.models import Cycle, Dossier, DossierStatus, SampleSetting
from kring.recertification.services import dossiers
from kring.recertification.tests.conftest import complete_dossier, en, plain_pdf

SECRET = "Ik twijfelde soms aan mijn inquiry."


def test_it_fills_in_the_dossier_bit_by_bit(trainer, cycle, login):
    client = login(trainer)
    client.post(reverse("recertification:dossier_ethics"), {"accept": "on"})
    client.post(reverse("recertification:dossier_reflection"), {"reflection_inquiry": SECRET})
    dossier = dossiers.dossier_for_cycle(cycle)
    assert dossier.ethics is not None and dossier.reflection_inquiry == SECRET
    page = client.get(en("recertification:dossier")).content.decode()
    assert "Two colleagues have not yet confirmed" in page


def test_a_submission_freezes_a_version_and_later_edits_make_a_new_one(trainer, cycle):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_group": "Eerste versie"}, by=trainer.user)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_group": "Tweede versie"}, by=trainer.user)
    dossiers.dossier_submit(dossier, by=trainer.user)
    first, second = dossier.versions.order_by("number")
    assert first.snapshot["reflection"]["reflection_group"] == "Eerste versie"
    assert second.snapshot["reflection"]["reflection_group"] == "Tweede versie"


def test_there_is_one_dossier_per_cycle(trainer, cycle):
    dossier = dossiers.dossier_save_peer_report(dossiers.dossier_for_cycle(cycle), report="Gesprek.", by=trainer.user)
    assert dossiers.dossier_for_cycle(cycle) == dossier
    with pytest.raises(IntegrityError):
        Dossier.objects.create(cycle=cycle, person=trainer)


def test_a_decided_dossier_cannot_be_changed(trainer, cycle, colleague, second_colleague, add_activity):
    SampleSetting.objects.create(percentage=0, salt="zout")
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    first = dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    with pytest.raises(Refused):
        dossiers.dossier_save_reflection(dossier, reflections={"reflection_group": "Later"}, by=trainer.user)
    assert dossiers.dossier_submit(dossier, by=trainer.user) == first  # the same submission again: no change
    add_activity(trainer, "supervision", on=cycle.starts_on, hours="3")
    with pytest.raises(Refused):
        dossiers.dossier_submit(dossier, by=trainer.user)
    assert dossier.versions.count() == 1


def test_the_office_sees_the_status_but_not_the_reflection(trainer, cycle, office, login):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_inquiry": SECRET}, by=trainer.user)
    dossiers.dossier_submit(dossier, by=trainer.user)
    client = login(office)
    page = client.get(en("recertification:office_overview")).content.decode()
    assert "Thijs van Dijk" in page and "With the certification committee" in page
    assert SECRET not in page
    assert client.get(reverse("recertification:committee_dossier", args=[dossier.pk])).status_code == 403


def test_the_committee_sees_the_dossier_with_its_reflection(trainer, cycle, certification, login):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_inquiry": SECRET}, by=trainer.user)
    dossiers.dossier_submit(dossier, by=trainer.user)
    client = login(certification)
    assert "Thijs van Dijk" in client.get(reverse("recertification:committee_queue")).content.decode()
    assert SECRET in client.get(reverse("recertification:committee_dossier", args=[dossier.pk])).content.decode()


def test_a_trainer_sees_only_their_own_dossier(trainer, cycle, colleague, login):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_save_reflection(dossier, reflections={"reflection_inquiry": SECRET}, by=trainer.user)
    client = login(colleague)
    assert SECRET not in client.get(reverse("recertification:dossier")).content.decode()
    assert client.get(reverse("recertification:committee_dossier", args=[dossier.pk])).status_code == 403


def test_the_trainer_answers_a_question_of_the_committee(trainer, cycle, certification, login, mailoutbox):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    login(certification).post(
        reverse("recertification:committee_ask", args=[dossier.pk]), {"question": "Welke retraite heb je gedaan?"}
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.INFO_REQUESTED
    assert mailoutbox[-1].to == [trainer.email]
    question = dossier.questions.get()
    client = login(trainer)
    assert "Welke retraite" in client.get(reverse("recertification:dossier")).content.decode()
    client.post(
        reverse("recertification:question_answer", args=[question.pk]),
        {"answer": "Zeven dagen stilte.", "attachment": SimpleUploadedFile("a.pdf", plain_pdf())},
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.COMMITTEE
    assert dossier.questions.get().answer == "Zeven dagen stilte."
    download = login(certification).get(reverse("recertification:committee_answer_attachment", args=[question.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Cache-Control"] == "private, no-store"


def test_an_answer_with_evidence_of_the_wrong_type_changes_nothing(trainer, cycle, certification, login):
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    login(certification).post(reverse("recertification:committee_ask", args=[dossier.pk]), {"question": "Bewijs?"})
    question = dossier.questions.get()
    login(trainer).post(
        reverse("recertification:question_answer", args=[question.pk]),
        {"answer": "Hier.", "attachment": SimpleUploadedFile("a.pdf", b"<html>nee</html>")},
    )
    question.refresh_from_db()
    assert question.answered_at is None and question.answer == ""


def test_opening_the_pages_starts_nothing_and_the_first_save_does(trainer, login):
    client = login(trainer)
    dashboard = client.get(en("recertification:dashboard")).content.decode()
    page = client.get(en("recertification:dossier")).content.decode()
    assert "Not started yet" in dashboard and "Not started yet" in page
    assert not Cycle.objects.exists() and not Dossier.objects.exists()
    client.post(en("recertification:dossier_reflection"), {"reflection_inquiry": "Eerste zin."})
    dossier = Dossier.objects.get()
    assert dossier.reflection_inquiry == "Eerste zin." and dossier.cycle.registration.person == trainer
    assert "Not started yet" not in client.get(en("recertification:dossier")).content.decode()


def test_without_a_sample_setting_submitting_says_so_and_changes_nothing(
    trainer, cycle, colleague, second_colleague, add_activity, login
):
    dossier = complete_dossier(trainer, cycle, colleague, second_colleague, add_activity)
    SampleSetting.objects.all().delete()
    response = login(trainer).post(en("recertification:dossier_submit"), follow=True)
    assert "The random sample has not been set up yet" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "draft" and not dossier.versions.exists()
    assert not SampleSetting.objects.exists()


def test_before_submitting_the_trainer_sees_the_whole_dossier_and_what_is_open_by_name(
    trainer, cycle, login, add_activity
):
    add_activity(trainer, "supervision", on=cycle.starts_on, hours="3")
    client = login(trainer)
    client.post(reverse("recertification:dossier_reflection"), {"reflection_inquiry": SECRET})
    review = client.get(en("recertification:dossier_submit")).content.decode()
    assert SECRET in review  # the reflection as the committee will read it
    assert "Hours of supervision in the cycle: 3 of 10 done." in review  # which one is open, how far it is
    assert "Intervision meetings per year, the year until" in review  # per year, not a cycle total
    assert "Intervision meetings per year: 0 of 20" not in review
    assert "The code of ethics has not been accepted yet." in review
    assert not dossiers.dossier_for_cycle(cycle).versions.exists()  # looking submits nothing
    client.post(reverse("recertification:dossier_submit"))
    assert dossiers.dossier_for_cycle(cycle).versions.count() == 1


def test_after_submitting_the_dossier_page_says_so_and_offers_no_first_submission(trainer, cycle, login):
    client = login(trainer)
    draft = client.get(en("recertification:dossier")).content.decode()
    assert "Check and submit my dossier" in draft
    client.post(reverse("recertification:dossier_submit"))
    page = client.get(en("recertification:dossier")).content.decode()
    assert "You submitted your dossier on" in page
    assert "Check and submit my dossier" not in page and "You can submit your dossier now" not in page
    assert "Check and send the new version" in page
