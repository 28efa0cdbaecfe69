"""Operations that change a person's data. Each runs in one transaction and writes one audit entry,
which records which fields changed, never their values."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import audit, emails
from kring.core.access import acting_account
from kring.core.decisions import lock_for_decision
from kring.core.refusals import Refused
from kring.members import erasure_hook, rules
from kring.members.models import (
    ErasureRequest,
    Membership,
    MembershipStatus,
    MembershipStatusChange,
    Person,
    PracticeAddress,
)
from kring.members.profile_hook import public_profile_changed

if TYPE_CHECKING:
    from kring.accounts.models import User

CONTACT_FIELDS = ("first_name", "name_prefix", "last_name", "phone")
PROFILE_FIELDS = ("website", "about", "online")
PROFILE_LISTS = ("work_domains", "target_groups", "languages", "programmes")
PRACTICE_FIELDS = ("name", "street", "postcode", "place", "country", "latitude", "longitude")


def _values(obj, fields) -> dict:
    return {name: getattr(obj, name) for name in fields}


def _list_values(person: Person, fields) -> dict:
    if person.pk is None:
        return {name: set() for name in fields}
    return {name: set(getattr(person, name).values_list("pk", flat=True)) for name in fields}


@transaction.atomic
def person_sign_up(user: User, *, first_name: str, name_prefix: str, last_name: str, language: str) -> Person:
    """A new account that signed up gets its person with the name it gave, in one transaction."""
    user.language = language
    user.save(update_fields=["language"])
    person = Person.objects.create(
        user=user, email=user.email, first_name=first_name, name_prefix=name_prefix, last_name=last_name
    )
    audit.record("kring.accounts.user.signed_up", by=user, person_id=person.pk, obj=person)
    return person


def person_update(person: Person, *, by: User | None, **changes) -> list[str]:
    """Change contact and profile details. Lists (work domains, ...) are given as iterables of
    vocabulary objects. Returns the names of the fields that changed."""
    unknown = set(changes) - set(CONTACT_FIELDS + PROFILE_FIELDS + PROFILE_LISTS + ("email",))
    if unknown:
        raise ValueError(f"Not a field people change themselves: {sorted(unknown)}")
    plain = {name: value for name, value in changes.items() if name not in PROFILE_LISTS}
    lists = {name: {item.pk for item in value} for name, value in changes.items() if name in PROFILE_LISTS}
    with transaction.atomic():
        changed = rules.changed_fields(_values(person, plain), plain)
        changed += rules.changed_fields(_list_values(person, lists), lists)
        for name in plain:
            setattr(person, name, plain[name])
        if set(plain) & set(changed):
            person.save(update_fields=[name for name in plain if name in changed])
        for name, pks in lists.items():
            getattr(person, name).set(pks)
        if changed:
            audit.record("kring.members.person.changed", by=by, person_id=person.pk, obj=person, fields=sorted(changed))
            public_profile_changed(person.pk)
    return sorted(changed)


def practice_add(person: Person, *, by: User | None, **values) -> PracticeAddress:
    """Add a practice address; ``values`` include the coordinates of its postcode."""
    with transaction.atomic():
        practice = PracticeAddress.objects.create(person=person, **values)
        audit.record(
            "kring.members.practice.added",
            by=by,
            person_id=person.pk,
            obj=practice,
            fields=sorted(name for name, value in values.items() if value not in ("", None)),
        )
        public_profile_changed(person.pk)
    return practice


def practice_update(practice: PracticeAddress, *, by: User | None, **values) -> list[str]:
    unknown = set(values) - set(PRACTICE_FIELDS)
    if unknown:
        raise ValueError(f"Not a field of a practice address: {sorted(unknown)}")
    with transaction.atomic():
        changed = rules.changed_fields(_values(practice, values), values)
        for name, value in values.items():
            setattr(practice, name, value)
        practice.save()
        if changed:
            audit.record(
                "kring.members.practice.changed", by=by, person_id=practice.person_id, obj=practice, fields=changed
            )
            public_profile_changed(practice.person_id)
    return changed


def practice_remove(practice: PracticeAddress, *, by: User | None) -> None:
    with transaction.atomic():
        audit.record("kring.members.practice.removed", by=by, person_id=practice.person_id, obj=practice)
        practice.delete()
        public_profile_changed(practice.person_id)


def consent_update(person: Person, *, by: User | None, public: dict[str, bool]) -> list[str]:
    """Switch public fields on or off: ``public`` maps names of ``Person.PUBLIC_FIELDS`` to a choice."""
    unknown = set(public) - set(Person.PUBLIC_FIELDS)
    if unknown:
        raise ValueError(f"Not a public field: {sorted(unknown)}")
    values = {f"public_{name}": bool(value) for name, value in public.items()}
    with transaction.atomic():
        changed = rules.changed_fields(_values(person, values), values)
        for name, value in values.items():
            setattr(person, name, value)
        if changed:
            person.save(update_fields=changed)
            audit.record("kring.members.consent.changed", by=by, person_id=person.pk, obj=person, fields=changed)
            public_profile_changed(person.pk)
    return changed


def photo_set(person: Person, content: bytes | None, *, by: User | None) -> None:
    """Store a cleaned photo (see ``photos.prepare``), or remove the photo when ``content`` is None.
    The old file is deleted once the change is committed."""
    old = person.photo.name if person.photo else ""
    with transaction.atomic():
        if content is None:
            person.photo = ""
            person.save(update_fields=["photo"])
            action = "kring.members.photo.removed"
        else:
            person.photo.save("photo.jpg", ContentFile(content), save=False)
            person.save(update_fields=["photo"])
            action = "kring.members.photo.set"
        audit.record(action, by=by, person_id=person.pk, obj=person, fields=["photo"])
        public_profile_changed(person.pk)
        if old and old != person.photo.name:
            storage = person.photo.storage
            transaction.on_commit(lambda: storage.delete(old))


def erasure_request(person: Person, *, by: User | None) -> ErasureRequest:
    """Ask the office to erase my data. One open request at a time: asking again returns it.
    A new request is confirmed by e-mail: what happens next and how to withdraw it."""
    open_requests = person.erasure_requests.filter(status=ErasureRequest.Status.REQUESTED)
    if (open_request := open_requests.first()) is not None:
        return open_request
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(person=person)
            audit.record("kring.members.erasure.requested", by=by, person_id=person.pk, obj=request)
            if address := _address_of(person):
                emails.send(
                    "members-erasure-requested",
                    to=address,
                    language=person.language,
                    context={"first_name": person.first_name, "requested_at": request.requested_at},
                )
    except IntegrityError:  # a second click at the same moment: the database kept the first
        return open_requests.get()
    return request


def _address_of(person: Person) -> str:
    return person.user.email if person.user_id else person.email


def _still_open(request: ErasureRequest, *, for_person: bool = False) -> ErasureRequest:
    """The request, locked until the transaction ends, if it still waits for the office; otherwise a
    refusal that says what happened to it. The office and the person may act at the same moment:
    the second waits for the first and then sees what the first did."""
    Status = ErasureRequest.Status

    def refused(row: ErasureRequest) -> Refused:
        if for_person:
            messages = {
                Status.DONE: _("Your data has already been erased, so there is nothing left to withdraw."),
                Status.DECLINED: _(
                    "The office has already declined your request, so there is nothing to withdraw. "
                    "You can ask again at any time."
                ),
                Status.WITHDRAWN: _("You have already withdrawn this request. Nothing will be erased."),
            }
        else:
            messages = {
                Status.DONE: _("This request has already been carried out."),
                Status.DECLINED: _("This request has already been declined."),
                Status.WITHDRAWN: _("The person withdrew this request. Nothing has been erased."),
            }
        return Refused(messages[row.status])

    return lock_for_decision(ErasureRequest, request.pk, states=[Status.REQUESTED], refused=refused)


def erasure_withdraw(request: ErasureRequest, *, by: User | None) -> ErasureRequest:
    """The person takes back their request while the office has not handled it yet."""
    with transaction.atomic():
        request = _still_open(request, for_person=True)
        request.status = ErasureRequest.Status.WITHDRAWN
        request.decided_at, request.decided_by = timezone.now(), acting_account(by)
        request.save(update_fields=["status", "decided_at", "decided_by"])
        audit.record("kring.members.erasure.withdrawn", by=by, person_id=request.person_id, obj=request)
    return request


def erasure_decline(request: ErasureRequest, *, by: User | None, note: str = "") -> None:
    with transaction.atomic():
        request = _still_open(request)
        request.status = ErasureRequest.Status.DECLINED
        request.decided_at, request.decided_by = timezone.now(), acting_account(by)
        request.note = note or request.note
        request.save(update_fields=["status", "decided_at", "decided_by", "note"])
        audit.record("kring.members.erasure.declined", by=by, person_id=request.person_id, obj=request)
        person = request.person
        if person.user_id:
            emails.send(
                "members-erasure-declined",
                to=person.user.email,
                language=person.language,
                context={"first_name": person.first_name, "note": request.note},
            )


ERASED_FIELDS = ("email", "phone", "website", "about", "online", "photo")
NAME_FIELDS = ("first_name", "name_prefix", "last_name")


def person_erase(person: Person, *, by: User | None, request: ErasureRequest | None = None) -> None:
    """Erase a person's data on the office's confirmation.

    Removed: contact data, practice addresses, the photo file, the profile, every public consent,
    the account's e-mail address and its way to log in, and the name of someone who was never
    registered. Kept (``erasure_hook.kept_for``), because the register's history must stay
    answerable for insurers and the law: the name of a registered trainer, registrations with their
    periods, memberships with their history, invoices, the CPD log and the audit trail.

    With ``request``, the request must still be open: one the person withdrew (or the office already
    handled) is refused and nothing is erased.
    """
    photo = person.photo.name if person.photo else ""
    storage = person.photo.storage
    # The last message goes to the address that is about to be erased, with the name it knew.
    address, language, first_name = _address_of(person), person.language, person.first_name
    with transaction.atomic():
        if request is not None:
            request = _still_open(request)
        erased = ERASED_FIELDS + PROFILE_LISTS + ("practices", "consents", "account")
        if not erasure_hook.name_is_kept(person):
            person.first_name = person.name_prefix = person.last_name = ""
            erased += NAME_FIELDS
        person.practices.all().delete()
        for name in PROFILE_LISTS:
            getattr(person, name).clear()
        person.email = person.phone = person.website = person.about = ""
        person.online = False
        person.photo = ""
        for name in Person.PUBLIC_FIELDS:
            setattr(person, f"public_{name}", False)
        person.erased_at = timezone.now()
        person.save()
        if person.user_id:
            _close_account(person.user)
        open_requests = person.erasure_requests.filter(status=ErasureRequest.Status.REQUESTED)
        open_requests.update(
            status=ErasureRequest.Status.DONE, decided_at=timezone.now(), decided_by=acting_account(by)
        )
        audit.record("kring.members.person.erased", by=by, person_id=person.pk, obj=person, fields=sorted(erased))
        public_profile_changed(person.pk)
        if photo:
            transaction.on_commit(lambda: storage.delete(photo))
        if address:
            emails.send("members-erasure-done", to=address, language=language, context={"first_name": first_name})


def _close_account(user: User) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # The e-mail column is unique, so an erased account gets an address that cannot receive mail.
    user.email = f"erased-{user.pk}@erased.invalid"
    user.is_active = False
    user.set_unusable_password()
    # A new password hash also ends every open session of the account.
    user.save()


def membership_change_status(
    membership: Membership, status: str, *, by: User | None, on: datetime.date | None = None, reason: str = ""
) -> MembershipStatusChange:
    """Record a new status for a membership from a date (today by default), keeping the history."""
    if status not in MembershipStatus.values:
        raise ValueError(f"Unknown membership status: {status!r}")
    with transaction.atomic():
        change = MembershipStatusChange.objects.create(
            membership=membership, status=status, on=on or timezone.localdate(), reason=reason, recorded_by=by
        )
        previous = membership.status
        membership.status = status
        membership.save(update_fields=["status"])
        audit.record(
            "kring.members.membership.status_changed",
            by=by,
            person_id=membership.person_id,
            obj=membership,
            fields=["status"],
            previous=previous,
            status=status,
        )
    return change


def person_export(person: Person, *, by: User | None) -> dict:
    """Everything Kring holds about a person, for "download my data". The download is recorded."""
    from kring.members.export import person_data

    with transaction.atomic():
        audit.record("kring.members.person.exported", by=by, person_id=person.pk, obj=person)
        return person_data(person)


# The office's edits in the admin. The admin form has already put the new values on the object;
# these save it, with its history where it has one, and record which fields changed.


def person_office_save(person: Person, *, changed: list[str], lists: dict, by: User | None) -> Person:
    """Save a person as the office edited (or added) them, with the vocabulary lists in ``lists``."""
    with transaction.atomic():
        adding = person.pk is None
        person.save()
        for name, items in lists.items():
            getattr(person, name).set(items)
        if adding or changed:
            action = "kring.members.person.created" if adding else "kring.members.person.changed"
            audit.record(action, by=by, person_id=person.pk, obj=person, fields=sorted(changed))
            public_profile_changed(person.pk)
    return person


def membership_add(membership: Membership, *, by: User | None, reason: str = "") -> Membership:
    """Add a membership with the first row of its status history."""
    with transaction.atomic():
        membership.save()
        MembershipStatusChange.objects.create(
            membership=membership, status=membership.status, on=membership.starts_on, reason=reason, recorded_by=by
        )
        audit.record(
            "kring.members.membership.added",
            by=by,
            person_id=membership.person_id,
            obj=membership,
            status=membership.status,
        )
    return membership


def membership_update(membership: Membership, *, changed: list[str], by: User | None) -> Membership:
    """Save a membership's type or dates; its status changes only through ``membership_change_status``."""
    if "status" in changed:
        raise ValueError("A membership's status changes through membership_change_status.")
    with transaction.atomic():
        membership.save()
        audit.record(
            "kring.members.membership.changed",
            by=by,
            person_id=membership.person_id,
            obj=membership,
            fields=sorted(changed),
        )
    return membership


def erasure_note(request: ErasureRequest, *, note: str, by: User | None) -> ErasureRequest:
    with transaction.atomic():
        request.note = note
        request.save(update_fields=["note"])
        audit.record("kring.members.erasure.noted", by=by, person_id=request.person_id, obj=request)
    return request


def vocabulary_save(term, *, changed: list[str], by: User | None):
    """Add or change a term of a vocabulary (work domains, programmes, membership types, ...)."""
    with transaction.atomic():
        adding = term.pk is None
        term.save()
        name = term._meta.model_name
        audit.record(f"kring.members.{name}.{'added' if adding else 'changed'}", by=by, obj=term, fields=changed)
    return term


def vocabulary_delete(term, *, by: User | None) -> None:
    with transaction.atomic():
        audit.record(f"kring.members.{term._meta.model_name}.removed", by=by, obj=term, code=term.code)
        term.delete()
