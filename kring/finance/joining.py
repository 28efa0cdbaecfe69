"""Becoming a member: the application (with a mandate signed online, or transfers) and the office's
decision. The membership itself is members' (``membership_add``); the mandate is finance's."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.finance import sepa
from kring.finance.models import Application, Fee
from kring.members import services as member_services
from kring.members.models import Membership, MembershipType, Person


def fees_for(year: int) -> list[dict]:
    """The membership types with this year's fee (the type's own annual fee when none is set)."""
    fees = {f.type_id: f.amount_cents for f in Fee.objects.filter(year=year)}
    return [{"type": t, "amount_cents": fees.get(t.pk, int(t.annual_fee * 100))} for t in MembershipType.objects.all()]


def application_submit(
    person: Person, *, type: MembershipType, by, pays_by_mandate: bool, holder_name: str = "", iban: str = ""
) -> Application:
    """Apply for membership. Asking again while one waits returns the waiting one."""
    if person.memberships.current().exists():
        raise Refused(_("You are already a member."))
    if (waiting := person.membership_applications.filter(status=Application.Status.REQUESTED).first()) is not None:
        return waiting
    values = {}
    if pays_by_mandate:
        if not holder_name.strip():
            raise Refused(_("Fill in the name of the account holder."), field="holder_name")
        values = {
            "holder_name": holder_name.strip()[:70],
            "iban": sepa.clean_iban(iban).compact,
            "mandate_text": sepa.mandate_text(),
            "signed_on": timezone.localdate(),
        }
    try:
        with transaction.atomic():
            application = Application.objects.create(
                person=person, type=type, starts_on=timezone.localdate(), pays_by_mandate=pays_by_mandate, **values
            )
            audit.record("kring.finance.application.submitted", by=by, obj=application, person_id=person.pk)
    except IntegrityError:  # a second click at the same moment
        return person.membership_applications.get(status=Application.Status.REQUESTED)
    return application


def application_accept(application: Application, *, by, starts_on: datetime.date | None = None) -> Membership:
    """The office accepts: the membership starts (with its history), the mandate is recorded."""
    with transaction.atomic():
        application = lock_for_decision(
            Application,
            application.pk,
            states=[Application.Status.REQUESTED],
            refused=Refused(_("This application has already been decided.")),
        )
        membership = member_services.membership_add(
            Membership(person=application.person, type=application.type, starts_on=starts_on or application.starts_on),
            by=by,
            reason=_("Application accepted"),
        )
        if application.pays_by_mandate:
            mandate = sepa.mandate_sign(
                application.person,
                iban=application.iban,
                holder_name=application.holder_name,
                signed_on=application.signed_on,
                by=by,
                online=True,
            )
            mandate.text = application.mandate_text  # the text as the person saw and agreed to it
            mandate.save(update_fields=["text"])
        application.status, application.decided_at = Application.Status.ACCEPTED, timezone.now()
        application.save(update_fields=["status", "decided_at"])
        audit.record("kring.finance.application.accepted", by=by, obj=application, person_id=application.person_id)
    return membership


def application_decline(application: Application, *, by) -> Application:
    with transaction.atomic():
        application = lock_for_decision(
            Application,
            application.pk,
            states=[Application.Status.REQUESTED],
            refused=Refused(_("This application has already been decided.")),
        )
        application.status, application.decided_at = Application.Status.DECLINED, timezone.now()
        application.save(update_fields=["status", "decided_at"])
        audit.record("kring.finance.application.declined", by=by, obj=application, person_id=application.person_id)
    return application
