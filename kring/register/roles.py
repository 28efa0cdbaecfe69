"""The trainer role for ``kring.core.access.roles_of``: a person registered in the register today."""

from kring.core.access import TRAINER
from kring.register.history import registered_on


def trainer_role(user, today):
    return {TRAINER} if registered_on(today).filter(person__user=user).exists() else set()
