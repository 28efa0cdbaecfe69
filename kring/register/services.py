"""Operations on the register. The only way a registration's status or level changes.

Every change closes the period that covers its date and opens a new ``RegistrationPeriod`` with who,
when and why, in one transaction with one audit entry (``kring.register.status.<action>``), and
refreshes the search index. Nothing is deleted: the old period keeps its start, only its last day is
set, so "was X registered on D?" stays answerable for every past date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import BigIntegerField, Max
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from kring.core import audit
from kring.core.access import acting_account
from kring.core.refusals import Refused
from kring.members.models import Person, TaughtProgramme
from kring.register import search_index
from kring.register.history import period_on
from kring.register.models import Level, RegisterNumber, Registration, RegistrationPeriod, Status

ONE_DAY = datetime.timedelta(days=1)
VALIDITY_YEARS = 5


def default_valid_until(starts_on: datetime.date) -> datetime.date:
    """Five years, as the association registers for: the day before the fifth anniversary."""
    try:
        return starts_on.replace(year=starts_on.year + VALIDITY_YEARS) - ONE_DAY
    except ValueError:  # 29 February
        return starts_on.replace(year=starts_on.year + VALIDITY_YEARS, day=28)


def _locked_periods(registration: Registration) -> list[RegistrationPeriod]:
    Registration.objects.select_for_update().filter(pk=registration.pk).first()
    return list(registration.periods.all().order_by("starts_on", "recorded_at", "pk"))


def _change(
    registration: Registration,
    *,
    action: str,
    on: datetime.date,
    status: str,
    by,
    reason: str,
    level: str | None = None,
    ends_on: datetime.date | None = None,
    require: Iterable[str] = (),
    allow_gap: bool = False,
    keep_end: bool = False,
) -> RegistrationPeriod:
    """Close the period covering ``on`` and open the new one. Shared by every status service."""
    if not reason.strip():
        raise Refused(_("Please give a reason; it is kept in the history."))
    with transaction.atomic():
        periods = _locked_periods(registration)
        if any(p.starts_on > on for p in periods):
            raise Refused(
                _("This registration already has a change after this date. Choose a date after the last change.")
            )
        current = period_on(periods, on)
        if (current is None and not allow_gap) or (current is not None and current.status not in require):
            raise Refused(_("This change is not possible in the registration's status on that date."))
        if ends_on is not None and ends_on < on:
            raise Refused(_("The end date must be on or after the start date."))
        previous_end = current.ends_on if current else None
        if keep_end:
            ends_on = previous_end
        if current is not None:
            # The new period wins from ``on`` (see history.period_on); the old one ends the day before.
            current.ends_on = max(on - ONE_DAY, current.starts_on)
            current.save(update_fields=["ends_on"])
        new = RegistrationPeriod.objects.create(
            registration=registration,
            status=status,
            level=level or (current or _last_before(periods, on) or RegistrationPeriod(level=Level.BASIS)).level,
            starts_on=on,
            ends_on=ends_on,
            reason=reason.strip(),
            recorded_by=acting_account(by),
            resumes_until=previous_end if status == Status.SUSPENDED else None,
        )
        audit.record(
            f"kring.register.status.{action}",
            by=by,
            person_id=registration.person_id,
            obj=registration,
            number=registration.number,
            on=on.isoformat(),
            status=status,
            level=new.level,
            ends_on=ends_on.isoformat() if ends_on else None,
            previous_status=current.status if current else None,
            previous_ends_on=previous_end.isoformat() if previous_end else None,
        )
        search_index.refresh(registration_ids=[registration.pk])
    return new


def _last_before(periods: list[RegistrationPeriod], on: datetime.date) -> RegistrationPeriod | None:
    earlier = [p for p in periods if p.starts_on <= on]
    return earlier[-1] if earlier else None


def _number_counter() -> RegisterNumber:
    """The locked counter; held until the caller's transaction ends (made on first use)."""
    return RegisterNumber.objects.select_for_update().get_or_create(pk=1)[0]


def _next_number(counter: RegisterNumber) -> str:
    """The number after the highest one given, as six digits with leading zeros. Numbers entered
    without the counter (a bulk import, the demo seed) count too; the counter's lock makes it race-free."""
    highest = (
        Registration.objects.filter(number__regex=r"^[0-9]+$")
        .aggregate(highest=Max(Cast("number", BigIntegerField())))
        .get("highest")
    )
    return f"{max(counter.last, highest or 0) + 1:06d}"


def _claim_number(counter: RegisterNumber, number: str) -> None:
    if number.isdigit() and int(number) > counter.last:
        counter.last = int(number)
        counter.save(update_fields=["last"])


def registration_create(
    *,
    person: Person,
    level: str,
    number: str | None = None,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    agb_code: str = "",
    programmes: Iterable[TaughtProgramme] = (),
    reason: str = "",
    by,
) -> Registration:
    """Enter a trainer in the register with a first active period (five years unless ``ends_on``),
    under ``number`` or, without one, the next number of the register's counter."""
    ends_on = ends_on or default_valid_until(starts_on)
    if ends_on < starts_on:
        raise Refused(_("The end date must be on or after the start date."))
    with transaction.atomic():
        counter = _number_counter()
        number = number or _next_number(counter)
        if Registration.objects.filter(number=number).exists():
            raise Refused(_("This register number is already in use."))
        _claim_number(counter, number)
        registration = Registration(person=person, number=number, agb_code=agb_code)
        registration.full_clean(exclude=["programmes"])
        registration.save()
        registration.programmes.set(programmes)
        RegistrationPeriod.objects.create(
            registration=registration,
            status=Status.ACTIVE,
            level=level,
            starts_on=starts_on,
            ends_on=ends_on,
            reason=reason or "registration",
            recorded_by=acting_account(by),
        )
        audit.record(
            "kring.register.status.created",
            by=by,
            person_id=person.pk,
            obj=registration,
            number=number,
            on=starts_on.isoformat(),
            level=level,
            ends_on=ends_on.isoformat(),
        )
        search_index.refresh(registration_ids=[registration.pk])
    return registration


def registration_suspend(registration: Registration, *, on: datetime.date, reason: str, by) -> RegistrationPeriod:
    """Suspend from ``on`` until ``registration_reinstate`` (which restores the interrupted validity)."""
    return _change(
        registration, action="suspend", on=on, status=Status.SUSPENDED, by=by, reason=reason, require=[Status.ACTIVE]
    )


def registration_reinstate(registration: Registration, *, on: datetime.date, reason: str, by) -> RegistrationPeriod:
    """End a suspension: registered again from ``on`` until the end of the validity it interrupted."""
    with transaction.atomic():
        suspension = period_on(_locked_periods(registration), on)
        valid_until = suspension.resumes_until if suspension is not None else None
        if valid_until is not None and valid_until < on:
            raise Refused(_("The validity of this registration has ended. Renew it instead."))
        return _change(
            registration,
            action="reinstate",
            on=on,
            status=Status.ACTIVE,
            by=by,
            reason=reason,
            ends_on=valid_until,
            require=[Status.SUSPENDED],
        )


def registration_strike_off(registration: Registration, *, on: datetime.date, reason: str, by) -> RegistrationPeriod:
    """Strike a trainer off the register from ``on`` (doorhalen), for example after a complaint."""
    return _change(
        registration,
        action="strike_off",
        on=on,
        status=Status.STRUCK_OFF,
        by=by,
        reason=reason,
        require=[Status.ACTIVE, Status.SUSPENDED],
    )


def registration_expire(
    registration: Registration, *, on: datetime.date, by, reason: str = "validity ended"
) -> RegistrationPeriod:
    """Record that a registration is no longer valid from ``on`` (not recertified in time); also after
    its validity has already run out, to make the history say so."""
    return _change(
        registration,
        action="expire",
        on=on,
        status=Status.EXPIRED,
        by=by,
        reason=reason,
        require=[Status.ACTIVE, Status.SUSPENDED],
        allow_gap=True,
    )


def registration_renew(
    registration: Registration,
    *,
    starts_on: datetime.date,
    reason: str,
    by,
    ends_on: datetime.date | None = None,
    level: str | None = None,
) -> RegistrationPeriod:
    """A new validity (after recertification): registered from ``starts_on`` until ``ends_on``
    (five years by default), at ``level`` or the current level."""
    return _change(
        registration,
        action="renew",
        on=starts_on,
        status=Status.ACTIVE,
        by=by,
        reason=reason,
        level=level,
        ends_on=ends_on or default_valid_until(starts_on),
        require=[Status.ACTIVE, Status.EXPIRED],
        allow_gap=True,
    )


def registration_change_level(
    registration: Registration, *, level: str, on: datetime.date, reason: str, by
) -> RegistrationPeriod:
    """Move to another level (e.g. specialist to basis) from ``on``, keeping status and validity."""
    with transaction.atomic():
        current = period_on(_locked_periods(registration), on)
        if current is not None and current.level == level:
            raise Refused(_("The registration already has this level."))
        return _change(
            registration,
            action="change_level",
            on=on,
            status=current.status if current else Status.ACTIVE,
            by=by,
            reason=reason,
            level=level,
            require=[Status.ACTIVE],
            keep_end=True,
        )


def registration_update(
    registration: Registration, *, changed: Iterable[str], by, programmes: Iterable[TaughtProgramme] | None = None
) -> None:
    """Save a change of a registration's own fields (AGB code, programmes) made in the admin."""
    with transaction.atomic():
        registration.save()
        if programmes is not None:
            registration.programmes.set(programmes)
        audit.record(
            "kring.register.registration.changed",
            by=by,
            person_id=registration.person_id,
            obj=registration,
            fields=sorted(changed),
        )
        search_index.refresh(registration_ids=[registration.pk])
