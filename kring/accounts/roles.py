"""The roles the office granted to an account, for ``kring.core.access.roles_of``."""

from kring.accounts.models import RoleGrant


def granted_roles(user, today):
    return RoleGrant.objects.current(today).filter(user=user).values_list("role", flat=True)
