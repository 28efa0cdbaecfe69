"""Deciding once: lock the row a decision is about and check it is still undecided.

Two people may press "decide" on the same dossier, objection or application at the same moment.
Each decision service therefore fetches the row afresh with ``select_for_update()`` inside its
transaction: the second caller waits for the first to commit, then sees the new state and is
refused with a kind message instead of deciding a second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import models, transaction

M = TypeVar("M", bound=models.Model)


def lock_for_decision(
    rows: type[M] | models.QuerySet[M],
    pk,
    *,
    states: Iterable,
    refused: BaseException | Callable[[M], BaseException],
    field: str = "status",
) -> M:
    """The row with ``pk``, locked until the transaction ends, if its ``field`` is still one of
    ``states``; otherwise raise ``refused`` (an exception, or a function of the locked row that
    returns one, when the message depends on what happened)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_for_decision needs a transaction: the lock lasts until it ends.")
    queryset = rows._default_manager.all() if isinstance(rows, type) else rows
    row = queryset.select_for_update(of=("self",)).get(pk=pk)  # only this row, not its joins
    if getattr(row, field) not in tuple(states):
        raise refused if isinstance(refused, BaseException) else refused(row)
    return row
