"""The conditions of a decision "accept with conditions": open until the committee marks them met.

The registration is renewed at once (the decision takes effect in the register like an acceptance);
the conditions are what the trainer still has to do in the new cycle. They are tracked on the
``Decision`` itself, so the committee's queue and the trainer's dashboard read the same rows.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.access import acting_account
from kring.core.refusals import Refused
from kring.recertification.models import Decision, Outcome
from kring.recertification.services.committee import conflict_of_interest, conflict_refusal


def open_conditions() -> QuerySet[Decision]:
    """Decisions whose conditions are not yet marked met, the oldest first."""
    return (
        Decision.objects.filter(outcome=Outcome.ACCEPT_WITH_CONDITIONS, conditions_met_at__isnull=True)
        .select_related("dossier__person", "dossier__cycle__registration")
        .order_by("decided_at", "pk")
    )


@transaction.atomic
def decision_conditions_meet(decision: Decision, *, by, note: str = "") -> Decision:
    """The committee marks the conditions of a decision as met. The decision is locked and checked
    again first, so two members marking it at the same moment give one mark and one audit entry."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("dossier__person").get(pk=decision.pk)
    if decision.outcome != Outcome.ACCEPT_WITH_CONDITIONS:
        raise Refused(_("This decision has no conditions."))
    if decision.conditions_met_at is not None:
        raise Refused(_("A colleague has already marked these conditions as met."))
    if conflict_of_interest(by, decision.dossier.person):
        raise conflict_refusal()
    decision.conditions_met_at = timezone.now()
    decision.conditions_met_by = acting_account(by)
    decision.conditions_met_note = note.strip()
    decision.save(update_fields=["conditions_met_at", "conditions_met_by", "conditions_met_note"])
    audit.record("kring.recertification.conditions.met", by=by, person_id=decision.dossier.person_id, obj=decision)
    return decision
