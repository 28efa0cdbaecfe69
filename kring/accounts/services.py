"""The office's changes to accounts and roles. Each runs in one transaction with one audit entry."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import RoleGrant, User
from kring.core import audit
from kring.core.refusals import Refused


def user_office_save(user: User, *, changed: list[str], by: User | None) -> User:
    """Save an account as the office added or changed it (e-mail, language, active)."""
    with transaction.atomic():
        adding = user.pk is None
        user.save()
        action = "kring.accounts.user.created" if adding else "kring.accounts.user.changed"
        audit.record(action, by=by, obj=user, fields=sorted(changed))
    return user


def role_grant_save(grant: RoleGrant, *, changed: list[str], by: User | None) -> RoleGrant:
    with transaction.atomic():
        adding = grant.pk is None
        grant.save()
        action = "kring.accounts.role.granted" if adding else "kring.accounts.role.changed"
        audit.record(action, by=by, obj=grant, role=grant.role, user=grant.user_id, fields=sorted(changed))
    return grant


def role_grant_remove(grant: RoleGrant, *, by: User | None) -> None:
    with transaction.atomic():
        audit.record("kring.accounts.role.removed", by=by, obj=grant, role=grant.role, user=grant.user_id)
        grant.delete()


def account_for_invitation(email: str, *, language: str, by: User | None) -> tuple[User, bool]:
    """The account of an e-mail address the office entered: an existing one, or a new one without a
    password (its owner chooses one through an invitation). Says whether it is new."""
    email = email.strip().lower()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            return user, False
        user = User(email=email, language=language)
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        audit.record("kring.accounts.user.invited", by=by, obj=user)
    return user, True


def invitation_accept(user: User, password: str) -> User:
    """The invited person chose a password. The link reached their mailbox, so the address is verified."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.has_usable_password():  # the same link used twice at once, or after choosing
            raise Refused(_("You have already chosen a password. Log in with your e-mail address."))
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
        audit.record("kring.accounts.user.invitation_accepted", by=user, obj=user)
    return user
