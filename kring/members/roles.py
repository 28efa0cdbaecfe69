"""The member role for ``kring.core.access.roles_of``: a person with a current membership."""

from kring.core.access import MEMBER
from kring.members.models import Membership


def member_role(user, today):
    return {MEMBER} if Membership.objects.current(today).filter(person__user=user).exists() else set()
