"""Retention: a closed file is destroyed after the retention term; the log, ruling and register measure stay."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from kring.complaints.models import Case, CaseDocument, CaseEntry, DestructionLog, Stage
from kring.complaints.services import procedure, publication, retention
from kring.complaints.tests.helpers import invited_case, pdf_upload
from kring.cpd.evidence import clean_evidence
from kring.register.models import Status


def _decided_and_closed(registration, committee_user, second_user):
    case = invited_case(registration, committee_user)
    procedure.case_decide(case, outcome="strike_off", reason="Zeer ernstig", by=committee_user)
    ruling = publication.ruling_draft(
        Case.objects.get(pk=case.pk), text="Een trainer raakte een deelnemer aan.", by=committee_user
    )
    publication.ruling_approve(ruling, by=second_user)
    Case.objects.filter(pk=case.pk).update(objection_until=timezone.localdate() - datetime.timedelta(days=1))
    return Case.objects.get(pk=case.pk)


def test_it_closes_after_the_objection_term_and_destroys_after_five_years(registration, complaints, second_member):
    from kring.complaints.services import filing

    case = _decided_and_closed(registration, complaints.user, second_member.user)
    filing.documents_add(case, [clean_evidence(pdf_upload())], party="committee", by=complaints.user)
    expected_hash = retention.file_hash(case)
    assert retention.retention_run() == (1, 0)
    assert Case.objects.get(pk=case.pk).stage == Stage.CLOSED
    four_years = timezone.localdate() + datetime.timedelta(days=4 * 365)
    assert retention.retention_run(four_years) == (0, 0)
    five_years = timezone.localdate() + datetime.timedelta(days=5 * 365 + 2)
    assert retention.retention_run(five_years) == (0, 1)
    case = Case.objects.get(pk=case.pk)
    assert case.sealed == "" and case.destroyed_at is not None
    assert not CaseEntry.objects.filter(case=case).exists() and not CaseDocument.objects.filter(case=case).exists()
    log = DestructionLog.objects.get()
    assert (log.case_number, log.file_hash, log.source) == (case.number, expected_hash, "process:complaints retention")
    # What stays: the outcome, the register's history and the published ruling.
    assert case.outcome == "strike_off" and case.ruling.approved_at is not None
    assert registration.periods.filter(status=Status.STRUCK_OFF).exists()


def test_the_command_runs_the_retention(registration, complaints, second_member, settings):
    _decided_and_closed(registration, complaints.user, second_member.user)
    settings.KRING_COMPLAINTS_RETENTION_YEARS = 0
    call_command("complaints_retention", stdout=io.StringIO())
    assert DestructionLog.objects.count() == 1


def test_an_open_case_is_never_destroyed(registration, complaints, settings):
    invited_case(registration, complaints.user)
    settings.KRING_COMPLAINTS_RETENTION_YEARS = 0
    assert retention.retention_run(timezone.localdate() + datetime.timedelta(days=9999)) == (0, 0)
    assert not DestructionLog.objects.exists()
