"""The office's changes to accounts and roles. Each runs in one transaction with one audit entry."""

from __future__ import annotations

from django.db import transaction

from kring.accounts.models import RoleGrant, User
from kring.core import audit


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
