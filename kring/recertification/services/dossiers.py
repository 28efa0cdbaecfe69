"""The dossier: self-declaration, reflection, peer conversation, submission and the sample draw."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit
from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.members.models import Person
from kring.members.people import person_of
from kring.recertification import rules
from kring.recertification.models import (
    MBI_TAC_DOMAINS,
    CodeOfEthics,
    Cycle,
    Dossier,
    DossierStatus,
    DossierVersion,
    Outcome,
    PeerInvitation,
    SampleDraw,
    SampleSetting,
)
from kring.recertification.services.cycles import cycle_progress, cycle_save
from kring.register.history import registered_on
from kring.register.models import Registration

MAX_PEERS = 4
# Enough for a trainer who mistypes a few addresses; far too few to find out whose addresses are whose.
MAX_INVITES_PER_DAY = 10
INVITE_ACTIONS = ("kring.recertification.peer.invited", "kring.recertification.peer.invite_unmatched")


def dossier_for_cycle(cycle: Cycle) -> Dossier:
    """The one dossier of a cycle. Only reads: before the trainer first saves something, it is an empty
    draft in memory (unsaved); the first action on it makes the row."""
    if cycle.pk is not None:
        found = Dossier.objects.filter(cycle=cycle)
    else:  # a cycle computed in memory; its row may have been made since
        found = Dossier.objects.filter(cycle__registration=cycle.registration, cycle__starts_on=cycle.starts_on)
    dossier = found.select_related("cycle").first()
    return dossier or Dossier(cycle=cycle, person=cycle.registration.person)


def _started(dossier: Dossier) -> Dossier:
    """The dossier's row (and its cycle's), made by the first action on it, in that action's transaction."""
    if dossier.pk is not None:
        return dossier
    dossier.cycle = cycle_save(dossier.cycle)
    existing = Dossier.objects.filter(cycle=dossier.cycle).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            dossier.save()
    except IntegrityError:  # started at the same moment by another request
        dossier.pk = None
        return Dossier.objects.get(cycle=dossier.cycle)
    return dossier


def _editable(dossier: Dossier) -> Dossier:
    dossier = _started(dossier)
    if dossier.status == DossierStatus.DECIDED:
        raise Refused(_("A decision has been made on this dossier, so it can no longer be changed."))
    return dossier


def is_certified(person: Person) -> bool:
    return registered_on().filter(person=person).exists()


@transaction.atomic
def dossier_accept_ethics(dossier: Dossier, *, by) -> Dossier:
    """Record that the trainer accepts the current code of ethics."""
    dossier = _editable(dossier)
    code = CodeOfEthics.current()
    if code is None:
        raise Refused(_("There is no code of ethics to accept yet."))
    dossier.ethics, dossier.ethics_accepted_at = code, timezone.now()
    dossier.save(update_fields=["ethics", "ethics_accepted_at"])
    audit.record(
        "kring.recertification.dossier.ethics_accepted",
        by=by,
        person_id=dossier.person_id,
        obj=dossier,
        version=code.version,
    )
    return dossier


@transaction.atomic
def dossier_save_reflection(dossier: Dossier, *, reflections: dict[str, str], by) -> Dossier:
    """Save the reflection per MBI:TAC domain; the trainer can come back to it at any time."""
    dossier = _editable(dossier)
    names = [name for name, _label in MBI_TAC_DOMAINS]
    for name in names:
        setattr(dossier, name, reflections.get(name, "").strip())
    dossier.save(update_fields=names)
    audit.record(
        "kring.recertification.dossier.reflection_saved",
        by=by,
        person_id=dossier.person_id,
        obj=dossier,
        fields=[n for n in names if reflections.get(n, "").strip()],
    )
    return dossier


def find_colleague(identifier: str) -> Person | None:
    """A person by register number or e-mail address."""
    identifier = identifier.strip()
    if "@" in identifier:
        return (
            Person.objects.filter(email__iexact=identifier).first()
            or Person.objects.filter(user__email__iexact=identifier).first()
        )
    registration = Registration.objects.filter(number=identifier).select_related("person").first()
    return registration.person if registration else None


def invitations_tried_today(person_id: int) -> int:
    """How often the trainer invited someone today, whether or not the address belonged to a trainer."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return AuditEntry.objects.filter(person_id=person_id, action__in=INVITE_ACTIONS, at__gte=start).count()


@transaction.atomic
def peer_invite(dossier: Dossier, *, identifier: str, by) -> PeerInvitation | None:
    """Invite a certified colleague (not yourself) to a peer conversation about your work.

    By e-mail address the answer is the same whoever the address belongs to: an address that is not
    a certified colleague's gets nothing and returns None, so the form cannot tell whose address it
    is. Register numbers are public, so a wrong number is said to be wrong. Tries are limited per day.
    """
    dossier = Dossier.objects.select_for_update().get(pk=_editable(dossier).pk)
    if invitations_tried_today(dossier.person_id) >= MAX_INVITES_PER_DAY:
        raise Refused(
            _("You have sent %(count)s invitations today. Please try again tomorrow.") % {"count": MAX_INVITES_PER_DAY}
        )
    colleague = find_colleague(identifier)
    certified = colleague is not None and is_certified(colleague)
    if "@" in identifier and (not certified or colleague.pk == dossier.person_id):
        audit.record("kring.recertification.peer.invite_unmatched", by=by, person_id=dossier.person_id, obj=dossier)
        return None
    if not certified:
        raise Refused(_("We could not find a registered trainer with that register number or e-mail address."))
    if colleague.pk == dossier.person_id:
        raise Refused(_("Invite a colleague: you cannot take part in your own peer conversation."))
    if dossier.peers.filter(colleague=colleague).exists():
        raise Refused(_("You have already invited this colleague."))
    if dossier.peers.count() >= MAX_PEERS:
        raise Refused(_("You can invite at most %(count)s colleagues.") % {"count": MAX_PEERS})
    invitation = PeerInvitation.objects.create(dossier=dossier, colleague=colleague)
    audit.record(
        "kring.recertification.peer.invited", by=by, person_id=dossier.person_id, obj=invitation, colleague=colleague.pk
    )
    from kring.core import emails

    if colleague.email:
        emails.send(
            "recertification-peer-invitation",
            to=colleague.email,
            language=colleague.language,
            context={"colleague": colleague, "trainer": dossier.person},
        )
    return invitation


@transaction.atomic
def peer_confirm(invitation: PeerInvitation, *, by) -> PeerInvitation:
    """The invited colleague confirms that the conversation took place (once, however often they click)."""
    invitation = PeerInvitation.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=invitation.pk)
    person = person_of(by)
    if person.pk != invitation.colleague_id:
        raise Refused(_("Only the invited colleague can confirm this conversation."))
    if person.pk == invitation.dossier.person_id:
        raise Refused(_("You cannot confirm your own peer conversation."))
    if not is_certified(person):
        raise Refused(_("Only a registered trainer can confirm a peer conversation."))
    if invitation.confirmed_at is None:
        invitation.confirmed_at = timezone.now()
        invitation.save(update_fields=["confirmed_at"])
        audit.record(
            "kring.recertification.peer.confirmed", by=by, person_id=invitation.dossier.person_id, obj=invitation
        )
    return invitation


@transaction.atomic
def dossier_save_peer_report(dossier: Dossier, *, report: str, by) -> Dossier:
    """The trainer's short report of the peer conversation."""
    dossier = _editable(dossier)
    dossier.peer_report = report.strip()
    dossier.save(update_fields=["peer_report"])
    audit.record("kring.recertification.dossier.peer_report_saved", by=by, person_id=dossier.person_id, obj=dossier)
    return dossier


def dossier_gaps(dossier: Dossier, progress=None) -> list[str]:
    """What the dossier lacks; ``progress`` when the caller has computed the cycle's already."""
    progress = cycle_progress(dossier.cycle, dossier.person) if progress is None else progress
    return rules.dossier_gaps(
        requirements_met=all(p.met for p in progress),
        ethics_accepted=dossier.ethics_id is not None,
        has_reflection=dossier.has_reflection,
        confirmed_peers=sum(1 for p in dossier.peers.all() if p.confirmed_at) if dossier.pk else 0,
        has_peer_report=bool(dossier.peer_report.strip()),
    )


def snapshot(dossier: Dossier) -> dict:
    """The dossier as it stands, as plain data for a frozen version."""
    cycle = dossier.cycle
    return {
        "cycle": {
            "starts_on": cycle.starts_on.isoformat(),
            "ends_on": cycle.ends_on.isoformat(),
            "scheme": cycle.scheme_id,
        },
        "activities": [
            {
                "kind": a.kind,
                "date": a.date.isoformat(),
                "hours": str(a.hours),
                "days": str(a.days),
                "description": a.description,
                "programme": a.programme.code if a.programme else "",
                "participants": a.participants,
                "evidence": a.evidence.name if a.evidence else "",
                "source": a.source,
            }
            for a in dossier.person.activities.filter(
                date__gte=cycle.starts_on, date__lte=cycle.ends_on
            ).select_related("programme")
        ],
        "progress": [
            {"kind": p.kind, "required": str(p.required), "done": str(p.done), "met": p.met}
            for p in cycle_progress(cycle, dossier.person)
        ],
        "ethics": dossier.ethics.version if dossier.ethics else "",
        "reflection": {name: getattr(dossier, name) for name, _label in MBI_TAC_DOMAINS},
        "peers": [
            {"colleague": p.colleague_id, "confirmed_at": p.confirmed_at.isoformat() if p.confirmed_at else ""}
            for p in dossier.peers.all()
        ],
        "peer_report": dossier.peer_report,
    }


def current_sample_setting() -> SampleSetting:
    """The newest sample setting. The data migration makes the first one (with its salt); reading it
    never makes one, so the salt of the draw is always one the office can see in the admin."""
    setting = SampleSetting.objects.first()
    if setting is None:
        raise Refused(
            _("The random sample has not been set up yet, so the dossier cannot be submitted. Please ask the office.")
        )
    return setting


@transaction.atomic
def dossier_submit(dossier: Dossier, *, by) -> DossierVersion:
    """Freeze the dossier in a new version. A first complete submission is accepted on trust unless the
    sample draws it; sampled and incomplete dossiers go to the certification committee.

    Submitting again without any change (a double click, or two tabs) writes nothing and returns the
    version already submitted: the dossier is locked, so the second request sees the first one's version.
    """
    dossier = (
        Dossier.objects.select_for_update()
        .select_related("cycle__scheme", "cycle__registration", "person")
        .get(pk=_started(dossier).pk)
    )
    frozen = snapshot(dossier)
    latest = dossier.versions.order_by("-number").first()
    if latest is not None and dossier.status != DossierStatus.DRAFT and latest.snapshot == frozen:
        return latest
    dossier = _editable(dossier)
    gaps = dossier_gaps(dossier)
    number = (latest.number if latest else 0) + 1
    version = DossierVersion.objects.create(
        dossier=dossier, number=number, snapshot=frozen, complete=not gaps, submitted_by=by
    )
    dossier.submitted_at = version.submitted_at
    draw = None
    if dossier.status == DossierStatus.DRAFT:
        if gaps:
            dossier.status = DossierStatus.COMMITTEE
        else:
            draw = _draw(dossier, version)
            dossier.status = DossierStatus.COMMITTEE if draw.sampled else DossierStatus.DECIDED
    dossier.save(update_fields=["status", "submitted_at"])
    audit.record(
        "kring.recertification.dossier.submitted",
        by=by,
        person_id=dossier.person_id,
        obj=dossier,
        version=number,
        complete=not gaps,
        gaps=gaps,
        accepted_on_trust=dossier.status == DossierStatus.DECIDED,
        **(
            {
                "draw_seed": draw.seed,
                "draw_salt": draw.salt,
                "draw_percentage": str(draw.percentage),
                "draw_value": draw.value,
                "sampled": draw.sampled,
            }
            if draw
            else {}
        ),
    )
    if dossier.status == DossierStatus.DECIDED:
        from kring.recertification.services.committee import record_decision

        record_decision(
            dossier,
            outcome=Outcome.ACCEPT,
            by=None,
            reason=_("Your dossier is complete and has been accepted on trust."),
        )
    return version


def _draw(dossier: Dossier, version: DossierVersion) -> SampleDraw:
    """Draw once per cycle: a resubmission keeps the outcome of the first draw."""
    earlier = dossier.draws.order_by("drawn_at").first()
    setting = current_sample_setting()
    salt, percentage = (earlier.salt, earlier.percentage) if earlier else (setting.salt, setting.percentage)
    seed = rules.sample_seed(dossier.cycle_id, salt)
    value, sampled = rules.sample_draw(seed, percentage)
    return SampleDraw.objects.create(
        dossier=dossier, version=version, salt=salt, seed=seed, percentage=percentage, value=value, sampled=sampled
    )
