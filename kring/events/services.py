"""Changes to events, registrations and the waiting list. Each is one transaction and one audit entry.

Every decision about places first locks the event row (``_lock_event``): registering, cancelling,
answering an offer and letting an offer lapse all wait for each other per event, then count the
places afresh. So two cancellations and two answers at the same moment never give away more places
than exist. A freed place goes to the waiting list in the same transaction (``_offer_free_places``):
the list moves by itself.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kring.core import audit, geo
from kring.core.access import acting_account
from kring.core.refusals import Refused
from kring.cpd.services import activity_record_automatic
from kring.events import mail, payments, rules
from kring.events.models import (
    HOLDING,
    Event,
    Mode,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    Session,
    WaitingEntry,
    WaitingStatus,
    new_token,
)
from kring.members.models import Membership, Person

VERIFY_HOURS = 24
MAX_PLACES = 10


def _lock_event(pk: int) -> Event:
    return Event.objects.select_for_update().get(pk=pk)


def places_taken(event: Event, mode: str) -> int:
    """Places of ``mode`` taken by registrations (pending or confirmed) and held by open offers."""
    registered = Registration.objects.filter(event=event, mode=mode, status__in=HOLDING).aggregate(n=Sum("places"))
    offered = WaitingEntry.objects.filter(event=event, mode=mode, status=WaitingStatus.OFFERED).aggregate(
        n=Sum("places")
    )
    return (registered["n"] or 0) + (offered["n"] or 0)


def taken_per_mode(event: Event) -> dict[str, int]:
    return {mode: places_taken(event, mode) for mode in (Mode.LIVE, Mode.ONLINE)}


# --- The office's events --------------------------------------------------------------------------


@transaction.atomic
def event_save(event: Event, *, by, fields: list[str] | None = None) -> Event:
    """Create or change an event after checking it; the venue's postcode gives its place."""
    if event.pk:
        _lock_event(event.pk)
    errors = rules.event_problems(event, taken=taken_per_mode(event) if event.pk else {})
    if errors:
        raise ValidationError(errors)
    place = geo.lookup(event.postcode, event.country) if event.postcode else None
    event.place, event.latitude, event.longitude = (
        (place.name, place.latitude, place.longitude) if place else ("", None, None)
    )
    created = event.pk is None
    event.save()
    audit.record(
        "kring.events.event.created" if created else "kring.events.event.changed",
        by=by,
        obj=event,
        fields=sorted(fields or []),
    )
    if not created:
        for mode in event.modes:
            _offer_free_places(event, mode)  # more places: the waiting list moves
    return event


# --- Registering ------------------------------------------------------------------------------------


def _check_window(event: Event, now) -> None:
    if now < event.registration_opens_at:
        raise Refused(
            _("Registration opens on %(date)s.")
            % {"date": timezone.localtime(event.registration_opens_at).strftime("%d-%m-%Y %H:%M")}
        )
    if now > event.registration_closes_at:
        raise Refused(_("Registration for this event has closed."))


def _check_choice(event: Event, mode: str, places: int) -> None:
    if mode not in event.modes:
        raise Refused(_("Choose how you take part: this event has no such places."), field="mode")
    if not 1 <= places <= MAX_PLACES:
        raise Refused(_("You can register 1 to %(n)s places at once.") % {"n": MAX_PLACES}, field="places")


def _check_room(event: Event, mode: str, places: int) -> None:
    if rules.free_places(event, mode, places_taken(event, mode)) < places:
        raise Refused(_("Sorry, this event is full. You can join the waiting list."), field="mode")


def _check_sessions(event: Event, sessions: list[Session], places: int) -> None:
    for session in Session.objects.select_for_update().filter(pk__in=[s.pk for s in sessions], event=event):
        if session.capacity is None:
            continue
        taken = session.registrations.filter(status__in=HOLDING).aggregate(n=Sum("places"))["n"] or 0
        if taken + places > session.capacity:
            raise Refused(_("The session “%(title)s” is full.") % {"title": session.title}, field="sessions")


def membership_codes(person: Person | None) -> set[str]:
    if person is None:
        return set()
    return set(Membership.objects.current().filter(person=person).values_list("type__code", flat=True))


def _create(event: Event, *, person, name, email, language, mode, places, status, country="NL", sessions=(), by=None):
    registration = Registration(
        event=event,
        person=person,
        name=name,
        email=email,
        language=language,
        mode=mode,
        places=places,
        status=status,
        payer_country=country,
        price_group=rules.price_group(membership_codes(person)),
    )
    payments.charge(registration, on=timezone.localdate())
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise Refused(_("You are already registered for this event.")) from None
    payments.reference_for(registration, by=by)
    registration.save(update_fields=["payment_reference", "payment_status"])
    if sessions:
        registration.sessions.set(sessions)
    return registration


def _already(event: Event, person: Person) -> None:
    if Registration.objects.filter(event=event, person=person, status__in=HOLDING).exists():
        raise Refused(_("You are already registered for this event."))


@transaction.atomic
def register(event_pk: int, *, person: Person, roles, mode: str, places: int = 1, sessions=(), by) -> Registration:
    """A member or trainer takes places at an event (step two of registering: the confirmation)."""
    event = _lock_event(event_pk)
    if not rules.audience_allows(event, roles):
        raise Refused(rules.NOT_FOR_YOU[event.audience])
    _check_window(event, timezone.now())
    _already(event, person)
    _check_choice(event, mode, places)
    _check_room(event, mode, places)
    _check_sessions(event, list(sessions), places)
    registration = _create(
        event,
        person=person,
        name=person.full_name,
        email=person.email or getattr(person.user, "email", ""),
        language=person.language,
        mode=mode,
        places=places,
        status=RegistrationStatus.CONFIRMED,
        sessions=sessions,
        by=by,
    )
    audit.record("kring.events.registration.created", by=by, person_id=person.pk, obj=registration, mode=mode)
    mail.confirmation(registration)
    return registration


@transaction.atomic
def office_register(event_pk: int, *, person: Person, mode: str, places: int = 1, by) -> Registration:
    """The office registers someone: outside the window too, never over capacity."""
    event = _lock_event(event_pk)
    _already(event, person)
    _check_choice(event, mode, places)
    _check_room(event, mode, places)
    registration = _create(
        event,
        person=person,
        name=person.full_name,
        email=person.email or getattr(person.user, "email", ""),
        language=person.language,
        mode=mode,
        places=places,
        status=RegistrationStatus.CONFIRMED,
        by=by,
    )
    audit.record("kring.events.registration.created_by_office", by=by, person_id=person.pk, obj=registration)
    mail.confirmation(registration)
    return registration


@transaction.atomic
def visitor_register(
    event_pk: int, *, name: str, email: str, mode: str, language: str = "nl", country: str = "NL"
) -> Registration:
    """A visitor asks for a place at a public event. The place is held for ``VERIFY_HOURS`` until the
    visitor clicks the link in the e-mail; an address never confirmed gives the place back."""
    event = _lock_event(event_pk)
    if not event.is_public:
        raise Refused(rules.NOT_FOR_YOU[event.audience])
    _check_window(event, timezone.now())
    _check_choice(event, mode, 1)
    email = email.strip().lower()
    if Registration.objects.filter(event=event, email__iexact=email, status__in=HOLDING).exists():
        raise Refused(_("This e-mail address is already registered for this event."), field="email")
    _check_room(event, mode, 1)
    registration = _create(
        event,
        person=None,
        name=name.strip(),
        email=email,
        language=language,
        mode=mode,
        places=1,
        status=RegistrationStatus.PENDING,
        country=country,
    )
    registration.verify_before = timezone.now() + datetime.timedelta(hours=VERIFY_HOURS)
    registration.save(update_fields=["verify_before"])
    audit.record("kring.events.registration.requested", process="visitor", obj=registration, mode=mode)
    mail.verify(registration)
    return registration


@transaction.atomic
def visitor_verify(token: str) -> Registration:
    """The visitor clicked the link: the held place is theirs. A second click changes nothing."""
    found = Registration.objects.filter(token=token).values_list("event_id", flat=True).first()
    if found is None:
        raise Refused(_("This link is not known. Perhaps it was mistyped."))
    _lock_event(found)
    registration = Registration.objects.select_for_update().get(token=token)
    if registration.status == RegistrationStatus.CONFIRMED:
        return registration
    if registration.status != RegistrationStatus.PENDING or registration.verify_before < timezone.now():
        raise Refused(_("This link has expired and the place was given back. You can register again."))
    registration.status = RegistrationStatus.CONFIRMED
    registration.save(update_fields=["status"])
    audit.record("kring.events.registration.verified", process="visitor", obj=registration)
    mail.confirmation(registration)
    return registration


@transaction.atomic
def registration_cancel(registration_pk: int, *, by, by_office: bool = False) -> Registration:
    """Cancel a registration (the participant until the deadline, the office always); the freed
    places go to the waiting list at once."""
    event_pk = Registration.objects.values_list("event_id", flat=True).get(pk=registration_pk)
    event = _lock_event(event_pk)
    registration = Registration.objects.select_for_update().get(pk=registration_pk)
    if registration.status not in HOLDING:
        raise Refused(_("This registration was already cancelled."))
    if registration.attended:
        raise Refused(_("You were there, so this registration cannot be cancelled any more."))
    if not by_office and not rules.may_cancel(event, timezone.now()):
        raise Refused(_("The deadline for cancelling has passed. Please write to the office."))
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    payments.cancel_charge(registration, by=by)
    registration.save(update_fields=["status", "cancelled_at", "payment_status"])
    audit.record(
        "kring.events.registration.cancelled",
        by=by,
        process="participant",
        person_id=registration.person_id,
        obj=registration,
        by_office=by_office,
    )
    _offer_free_places(event, registration.mode)
    return registration


# --- The waiting list -------------------------------------------------------------------------------


@transaction.atomic
def waiting_join(event_pk: int, *, person: Person, roles, mode: str, places: int = 1, by) -> WaitingEntry:
    event = _lock_event(event_pk)
    if not rules.audience_allows(event, roles):
        raise Refused(rules.NOT_FOR_YOU[event.audience])
    _check_window(event, timezone.now())
    _already(event, person)
    _check_choice(event, mode, places)
    if WaitingEntry.objects.filter(event=event, person=person, status__in=["waiting", "offered"]).exists():
        raise Refused(_("You are already on the waiting list for this event."))
    entry = WaitingEntry.objects.create(event=event, person=person, mode=mode, places=places)
    audit.record("kring.events.waiting.joined", by=by, person_id=person.pk, obj=entry, mode=mode, places=places)
    _offer_free_places(event, mode)  # a place may have freed since the page was shown
    return entry


@transaction.atomic
def visitor_waiting_join(
    event_pk: int, *, name: str, email: str, mode: str, language: str = "nl", country: str = "NL"
) -> WaitingEntry:
    """A visitor waits for a place at a full public event. Their address is proven when they answer
    the offer's link; the e-mail they get now lets them (or whoever owns the address) leave again."""
    event = _lock_event(event_pk)
    if not event.is_public:
        raise Refused(rules.NOT_FOR_YOU[event.audience])
    _check_window(event, timezone.now())
    _check_choice(event, mode, 1)
    email = email.strip().lower()
    if Registration.objects.filter(event=event, email__iexact=email, status__in=HOLDING).exists():
        raise Refused(_("This e-mail address is already registered for this event."), field="email")
    waiting = WaitingEntry.objects.filter(event=event, email__iexact=email, status__in=["waiting", "offered"])
    if waiting.exists():
        raise Refused(_("This e-mail address is already on the waiting list for this event."), field="email")
    entry = WaitingEntry.objects.create(
        event=event, name=name.strip(), email=email, language=language, payer_country=country, mode=mode
    )
    audit.record("kring.events.waiting.joined", process="visitor", obj=entry, mode=mode, places=1)
    mail.waiting_joined(entry)
    _offer_free_places(event, mode)
    return entry


@transaction.atomic
def visitor_waiting_leave(token: str) -> WaitingEntry:
    """Off the waiting list through the link in the visitor's e-mail; a freed offer passes on."""
    found = WaitingEntry.objects.filter(token=token, person__isnull=True).values_list("event_id", flat=True).first()
    if found is None:
        raise Refused(_("This link is not known. Perhaps it was mistyped."))
    event = _lock_event(found)
    entry = WaitingEntry.objects.select_for_update().get(token=token)
    if entry.status not in (WaitingStatus.WAITING, WaitingStatus.OFFERED):
        raise Refused(_("You are no longer on this waiting list."))
    entry.status, entry.answered_at = WaitingStatus.DECLINED, timezone.now()
    entry.save(update_fields=["status", "answered_at"])
    audit.record("kring.events.waiting.left", process="visitor", obj=entry)
    _offer_free_places(event, entry.mode)
    return entry


def _offer_free_places(event: Event, mode: str) -> list[WaitingEntry]:
    """Offer free places to the waiting list, in the order people joined. The first in line gets the
    next offer: a party that needs more places than are free waits until there are enough (smaller
    parties behind it do not go first). Runs under the caller's lock on the event."""
    offered = []
    if timezone.now() >= event.starts_at:
        return offered
    free = rules.free_places(event, mode, places_taken(event, mode))
    line = WaitingEntry.objects.select_for_update().filter(event=event, mode=mode, status=WaitingStatus.WAITING)
    for entry in line.order_by("joined_at", "pk"):
        if entry.places > free:
            break
        now = timezone.now()
        entry.status = WaitingStatus.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = min(now + datetime.timedelta(hours=event.offer_hours), event.starts_at)
        entry.token = new_token()
        entry.save(update_fields=["status", "offered_at", "offer_expires_at", "token"])
        audit.record("kring.events.waiting.offered", process="waiting_list", person_id=entry.person_id, obj=entry)
        mail.offer(entry)
        free -= entry.places
        offered.append(entry)
    return offered


LAPSED = gettext_lazy("Sorry, this offer has lapsed and the place went to the next person.")


def _entry_for_answer(token: str, person: Person | None) -> tuple[Event, WaitingEntry | None]:
    """The offer, locked, if it can still be answered by ``person``. An offer found past its time
    lapses here and passes on (``None``); the caller commits that and then refuses."""
    found = WaitingEntry.objects.filter(token=token).values_list("event_id", flat=True).first()
    if found is None:
        raise Refused(_("This offer is not known. Perhaps the link was mistyped."))
    event = _lock_event(found)
    entry = WaitingEntry.objects.select_for_update(of=("self",)).select_related("person__user").get(token=token)
    if entry.person_id is None:
        person = None  # a visitor's offer: the link from their e-mail is the proof
    if person is not None and entry.person_id != person.pk:
        raise Refused(_("This offer was made to someone else."))
    if entry.status == WaitingStatus.OFFERED and entry.offer_expires_at <= timezone.now():
        _lapse(event, entry)  # the caller commits this, then refuses
        return event, None
    if entry.status != WaitingStatus.OFFERED:
        raise Refused(_("This offer has already been answered or has lapsed."))
    return event, entry


def offer_accept(token: str, *, person: Person | None, by) -> Registration:
    """Yes to an offer: the held places become a registration."""
    with transaction.atomic():
        registration = _accept(token, person, by)
    if registration is None:
        raise Refused(LAPSED)
    return registration


def _accept(token: str, person: Person | None, by) -> Registration | None:
    event, entry = _entry_for_answer(token, person)
    if entry is None:
        return None
    entry.status = WaitingStatus.ACCEPTED  # the held places are released and taken at once below
    entry.answered_at = timezone.now()
    entry.save(update_fields=["status", "answered_at"])
    # A visitor's answer through the offer's link proves their address: the place is theirs at once.
    registration = _create(
        event,
        person=entry.person,
        name=entry.who,
        email=entry.address,
        language=entry.reader_language,
        mode=entry.mode,
        places=entry.places,
        status=RegistrationStatus.CONFIRMED,
        country=entry.payer_country,
        by=by,
    )
    entry.registration = registration
    entry.save(update_fields=["registration"])
    audit.record("kring.events.waiting.accepted", by=by, person_id=entry.person_id, obj=entry)
    mail.confirmation(registration)
    return registration


def offer_decline(token: str, *, person: Person | None, by) -> WaitingEntry:
    """No longer interested: the offer passes on to the next in line."""
    with transaction.atomic():
        entry = _decline(token, person, by)
    if entry is None:
        raise Refused(LAPSED)
    return entry


def _decline(token: str, person: Person | None, by) -> WaitingEntry | None:
    event, entry = _entry_for_answer(token, person)
    if entry is None:
        return None
    entry.status = WaitingStatus.DECLINED
    entry.answered_at = timezone.now()
    entry.save(update_fields=["status", "answered_at"])
    audit.record("kring.events.waiting.declined", by=by, person_id=entry.person_id, obj=entry)
    _offer_free_places(event, entry.mode)
    return entry


@transaction.atomic
def waiting_leave(entry_pk: int, *, person: Person, by) -> WaitingEntry:
    event_pk = WaitingEntry.objects.values_list("event_id", flat=True).get(pk=entry_pk, person=person)
    event = _lock_event(event_pk)
    entry = WaitingEntry.objects.select_for_update().get(pk=entry_pk)
    if entry.status not in (WaitingStatus.WAITING, WaitingStatus.OFFERED):
        raise Refused(_("You are no longer on this waiting list."))
    entry.status = WaitingStatus.DECLINED
    entry.answered_at = timezone.now()
    entry.save(update_fields=["status", "answered_at"])
    audit.record("kring.events.waiting.left", by=by, person_id=person.pk, obj=entry)
    _offer_free_places(event, entry.mode)
    return entry


def _lapse(event: Event, entry: WaitingEntry) -> None:
    entry.status = WaitingStatus.LAPSED
    entry.save(update_fields=["status"])
    audit.record("kring.events.waiting.lapsed", process="waiting_list", person_id=entry.person_id, obj=entry)
    _offer_free_places(event, entry.mode)


def move_waiting_lists(now=None) -> dict[str, int]:
    """Let unanswered offers lapse and unconfirmed visitors' places go back; each freed place is
    offered to the next person. Safe to run often and twice at once (each event in its own lock)."""
    now = now or timezone.now()
    counts = {"lapsed": 0, "expired": 0}
    for pk in WaitingEntry.objects.filter(status=WaitingStatus.OFFERED, offer_expires_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            event_pk = WaitingEntry.objects.values_list("event_id", flat=True).get(pk=pk)
            event = _lock_event(event_pk)
            entry = WaitingEntry.objects.select_for_update().get(pk=pk)
            if entry.status == WaitingStatus.OFFERED and entry.offer_expires_at <= now:
                _lapse(event, entry)
                counts["lapsed"] += 1
    pending = Registration.objects.filter(status=RegistrationStatus.PENDING, verify_before__lte=now)
    for pk in pending.values_list("pk", flat=True):
        with transaction.atomic():
            event = _lock_event(Registration.objects.values_list("event_id", flat=True).get(pk=pk))
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.status == RegistrationStatus.PENDING and registration.verify_before <= now:
                registration.status = RegistrationStatus.EXPIRED
                payments.cancel_charge(registration)
                registration.save(update_fields=["status", "payment_status"])
                audit.record("kring.events.registration.expired", process="waiting_list", obj=registration)
                _offer_free_places(event, registration.mode)
                counts["expired"] += 1
    return counts


# --- Payment and attendance -------------------------------------------------------------------------


@transaction.atomic
def payment_mark_paid(registration_pk: int, *, by) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration_pk)
    if registration.payment_status == PaymentStatus.PAID:
        return registration  # a second click changes nothing
    if registration.payment_status != PaymentStatus.OPEN:
        raise Refused(_("Nothing is due for this registration."))
    registration.payment_status = PaymentStatus.PAID
    registration.paid_at = timezone.now()
    registration.save(update_fields=["payment_status", "paid_at"])
    audit.record("kring.events.payment.paid", by=by, person_id=registration.person_id, obj=registration)
    return registration


def _attend(registration: Registration, *, by, how: str) -> Registration:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise Refused(_("Only a confirmed registration can be checked in."))
    if registration.attended:
        return registration  # checked in already: idempotent
    event = registration.event
    registration.attended_at = timezone.now()
    registration.certificate_code = new_token()[:20]
    registration.save(update_fields=["attended_at", "certificate_code"])
    audit.record(
        "kring.events.attendance.confirmed",
        by=by,
        process=how,
        person_id=registration.person_id,
        obj=registration,
        how=how,
    )
    if registration.person_id and event.cpd_hours:
        activity_record_automatic(
            person=registration.person,
            kind=event.cpd_kind,
            on=timezone.localtime(event.starts_at).date(),
            hours=event.cpd_hours,
            description=event.title,
            source=f"events.registration:{registration.pk}",
        )
    return registration


def _started(event: Event) -> None:
    if timezone.now() < event.checkin_opens_at:
        raise Refused(_("Check-in opens an hour before the event starts."))


@transaction.atomic
def attendance_checkin(registration_pk: int, *, by) -> Registration:
    """The office (or the host, for online participants) confirms that someone was there."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event", "person").get(pk=registration_pk)
    )
    _started(registration.event)
    return _attend(registration, by=acting_account(by), how="office")


@transaction.atomic
def attendance_self(token: str, *, code: str) -> Registration:
    """A participant checks in with the short code shown at the event."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event", "person").get(token=token)
    )
    event = registration.event
    _started(event)
    if timezone.now() > event.checkin_closes_at:
        raise Refused(_("Check-in for this event has closed. The office can still note that you were there."))
    if code.strip().upper() != event.checkin_code.upper():
        raise Refused(_("This code is not right. Look again at the code shown at the event."), field="code")
    return _attend(registration, by=None, how="self")


@transaction.atomic
def participants_message(event: Event, *, subject: str, body: str, subject_en: str = "", body_en: str = "", by) -> int:
    """Send the office's message to every confirmed participant, each in their own language."""
    participants = list(event.registrations.filter(status=RegistrationStatus.CONFIRMED))
    for registration in participants:
        english = registration.language == "en" and (subject_en or body_en)
        mail.message(
            registration,
            subject=subject_en if english and subject_en else subject,
            body=body_en if english and body_en else body,
        )
    audit.record("kring.events.event.messaged", by=by, obj=event, recipients=len(participants))
    return len(participants)


@transaction.atomic
def event_delete(event: Event, *, by) -> None:
    """Remove an event nobody registered for (one with registrations is unpublished instead)."""
    event = _lock_event(event.pk)
    if event.registrations.exists():
        raise Refused(_("People registered for this event; unpublish it instead of removing it."))
    pk = event.pk
    event.delete()
    audit.record("kring.events.event.deleted", by=by, event=pk)
