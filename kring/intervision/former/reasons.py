"""Why a seeker stayed without a group: the first hard rule that leaves them too few partners."""

from __future__ import annotations

from .build import Index
from .model import CONFLICTS, NO_COMPATIBLE_MODE, NO_SHARED_TIME, TOO_FAR, TOO_FEW_NEARBY
from .problem import LIVE_BIT, ONLINE_BIT, Problem


def reason_for(problem: Problem, index: Index, online_by_language: dict[int, list[int]], u: int) -> str:
    needed = problem.parameters.min_size - 1
    mode, langs, slots = problem.modes[u], problem.langs[u], problem.slots[u]
    if not mode or not langs:
        return NO_COMPATIBLE_MODE
    reachable = timed = free = 0
    conflicts = problem.conflicts[u]

    def count(j):
        nonlocal reachable, timed, free
        reachable += 1
        if problem.slots[j] & slots:
            timed += 1
            if j not in conflicts:
                free += 1
        return free >= needed

    seen = {u}
    done = False
    if mode & ONLINE_BIT:
        for lang_bit, members in online_by_language.items():
            if not langs & lang_bit:
                continue
            for j in members:
                if j not in seen:
                    seen.add(j)
                    if count(j):
                        done = True
                        break
            if done:
                break
    if not done and mode & LIVE_BIT:
        radius = problem.rad[u] + index.max_radius
        for ring in index.grid.rings(problem.lat[u], problem.lon[u], radius):
            for j in ring:
                if j in seen or not problem.langs[j] & langs:
                    continue
                if problem.distance(u, j) <= problem.rad[u] + problem.rad[j]:
                    seen.add(j)
                    if count(j):
                        done = True
                        break
            if done:
                break
    if reachable < needed:
        return TOO_FAR if mode == LIVE_BIT else NO_COMPATIBLE_MODE
    if timed < needed:
        return NO_SHARED_TIME
    if free < needed:
        return CONFLICTS
    return TOO_FEW_NEARBY
