"""The real run of a confirmed import, one transaction per batch, and the invitations after it.

The rows are written by the services of the apps they belong to (accounts, members, register), so an
imported person has the same history, audit trail and search entry as one the office typed in. Kept
apart from ``services`` (the dry run and the office's decisions), which queues the task that calls
this module."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kring.accounts import invitations
from kring.accounts import services as account_services
from kring.core import audit, emails
from kring.core.refusals import Refused
from kring.imports import rules
from kring.imports.models import ImportJob, ImportRow
from kring.imports.world import world_for
from kring.members import services as member_services
from kring.members.models import Membership, MembershipType, Person
from kring.register import services as register_services
from kring.register.models import Registration

NOTES = ("zeros",)  # findings of the dry run that stay true in the real run


# -- the real run --------------------------------------------------------------------------------


def _waiting(job: ImportJob):
    return job.rows.filter(outcome=ImportRow.Outcome.WAITING).exclude(action=ImportRow.Outcome.REFUSED)


def batch_run(job_id: int) -> bool:
    """Import the next batch of rows in one transaction; says whether rows are left. Each row is
    checked again against what Kring holds now: what changed since the dry run is seen."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status not in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING):
            return False
        rows = list(_waiting(job).order_by("line")[: settings.KRING_IMPORT_BATCH_ROWS])
        world = world_for([row.values for row in rows])
        types = {membership_type.code: membership_type for membership_type in MembershipType.objects.all()}
        with translation.override(job.language):
            for row in rows:
                _run_row(row, world, types, job.confirmed_by)
        ImportRow.objects.bulk_update(rows, ["outcome", "changes", "problems", "person", "invite"])
        job.done += len(rows)
        job.status = ImportJob.Status.RUNNING
        more = _waiting(job).exists()
        if not more:
            job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
            job.rows.update(values={})  # the report stays; the copy of the membership goes
        job.save(update_fields=["done", "status", "finished_at"])
        audit.record("kring.imports.batch.done", by=job.confirmed_by, obj=job, rows=len(rows), **job.tally("outcome"))
    return more


def _run_row(row: ImportRow, world, types: dict, by) -> None:
    notes = [change for change in row.changes if change[0] in NOTES]
    plan = rules.plan_row(row.values, [], notes, world)
    if plan.action == rules.REFUSED:
        row.outcome, row.problems = ImportRow.Outcome.REFUSED, plan.problems
        return
    try:
        with transaction.atomic():  # a savepoint: a row that fails now leaves the batch's other rows be
            row.person, row.invite = _apply(plan, types, by)
    except Refused as refused:
        row.outcome, row.problems = ImportRow.Outcome.REFUSED, [["service", {"message": str(refused)}]]
    except IntegrityError:  # someone else wrote the same person or number a moment ago
        row.outcome, row.problems = ImportRow.Outcome.REFUSED, [["service", {"message": _("Changed meanwhile.")}]]
    else:
        row.outcome, row.changes = plan.action, plan.changes


def _apply(plan: rules.Plan, types: dict, by) -> tuple[Person, bool]:
    values = plan.values
    person, invite = _person(values, by)
    codes = {change[0]: change[1] for change in plan.changes}
    if "membership_new" in codes:
        member_services.membership_add(
            Membership(
                person=person,
                type=types[values["membership_type"]],
                starts_on=datetime.date.fromisoformat(values["member_since"]),
            ),
            by=by,
            reason=_("Imported"),
        )
    if "registration_new" in codes:
        until = values["registered_until"]
        register_services.registration_create(
            person=person,
            level=values["level"],
            number=values["register_number"],
            starts_on=datetime.date.fromisoformat(values["registered_from"]),
            ends_on=datetime.date.fromisoformat(until) if until else None,
            agb_code=values["agb_code"],
            reason="import",
            by=by,
        )
    if "agb_changed" in codes:
        registration = Registration.objects.select_for_update().get(number=values["register_number"])
        registration.agb_code = values["agb_code"]
        register_services.registration_update(registration, changed=["agb_code"], by=by)
    return person, invite


def _person(values: dict, by) -> tuple[Person, bool]:
    """The row's person, made or brought up to date, with an account to log in with."""
    if values.get("person_id"):
        person = Person.objects.select_for_update().get(pk=values["person_id"])
        changed = [name for name in rules.PERSON_FIELDS if values[name] and values[name] != getattr(person, name)]
    else:
        person = Person(email=values["email"])
        changed = [name for name in rules.PERSON_FIELDS if values[name]] + ["email"]
    for name in changed:
        setattr(person, name, values[name])
    invite = False
    if person.user_id is None:
        language = values["language"] or translation.get_language() or "nl"
        person.user, invite = account_services.account_for_invitation(values["email"], language=language, by=by)
        changed.append("user")
    if changed:
        member_services.person_office_save(person, changed=changed, lists={}, by=by)
    return person, invite


# -- the invitations -----------------------------------------------------------------------------


def invitation_batches(job_id: int) -> list[list[int]]:
    """The rows whose people still get an invitation, in batches of ``KRING_INVITATIONS_PER_BATCH``."""
    ids = list(
        ImportRow.objects.filter(job_id=job_id, invite=True, invited_at__isnull=True)
        .order_by("line")
        .values_list("pk", flat=True)
    )
    size = settings.KRING_INVITATIONS_PER_BATCH
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def invitations_send(job_id: int, row_ids: list[int]) -> int:
    """Invite the people of these rows to choose a password; each is invited once."""
    with transaction.atomic():
        rows = list(
            ImportRow.objects.select_for_update(of=("self",))
            .filter(job_id=job_id, pk__in=row_ids, invite=True, invited_at__isnull=True)
            .select_related("person__user")
        )
        invited = []
        for row in rows:
            user = row.person.user if row.person else None
            if user is None or user.has_usable_password() or not user.is_active:
                continue
            with translation.override(user.language):
                link = invitations.link_for(user)
            emails.send(
                "imports-invitation",
                to=user.email,
                context={"person": row.person, "link": link, "days": settings.KRING_INVITATION_DAYS},
                language=user.language,
            )
            row.invited_at = timezone.now()
            invited.append(row)
        ImportRow.objects.bulk_update(invited, ["invited_at"])
        audit.record("kring.imports.invitations.sent", process="imports", obj=ImportJob(pk=job_id), count=len(invited))
    return len(invited)
