"""The group former: proposes intervision groups for everyone who is looking for one.

A pure module (no database, no Django): give it seekers, existing groups with free places and
parameters; it returns placements in existing groups, proposals for new groups and, for whoever
is left, the reason. Hard rules (reach, mode, language, a shared moment, people who must not meet,
size 4–8) are never broken; within them it maximises the number of people placed, then the
weakest new group's score (max-min, as CATME's team-maker does), then the sum of the scores.

How (``open_groups.py``, ``build.py``, ``improve.py``): seekers are ordered from hardest to easiest
to place; free places in existing groups are filled first; new groups grow around the hardest
seekers from their neighbours on a spatial grid (live) or from lists per moment and language
(online); "who can come to this place" is answered from numpy arrays in grid order
(``nearby.py``), with the same arithmetic as the loops it replaced, so that the cost per
question does not grow as towns fill up; leftovers are inserted, may borrow members from groups
above the minimum, or take a place whose holder moves on; then swaps and moves between
neighbouring groups lift the weakest groups. A group's score comes
from per-group counts (domains, target groups, experience levels) and at most eight distances, so
each move costs constant time, and no distance matrix is ever built. Small instances are
constructed several times from perturbed orders. ``exact.py`` solves small instances exactly with
CP-SAT, and finds the most people any proposal could place in a sparse one;
``benchmarks/bench_group_former.py`` measures speed, its growth and the gap to those optima.
"""

from __future__ import annotations

import gc
import random

from .build import Index, ease_order, grow_groups
from .improve import borrow_for_leftovers, eject_for_leftovers, insert_leftovers, local_search
from .model import (
    BOTH,
    CONFLICTS,
    LIVE,
    MIXED,
    NO_COMPATIBLE_MODE,
    NO_SHARED_TIME,
    ONLINE,
    REASONS,
    TOO_FAR,
    TOO_FEW_NEARBY,
    UNIFORM,
    FormingOutcome,
    OpenGroup,
    Parameters,
    Placement,
    Proposal,
    SeekerProfile,
    Unplaced,
    Weights,
    experience_level,
)
from .open_groups import fill_open_groups
from .problem import ONLINE_BIT, Problem, lowest_name
from .reasons import reason_for

__all__ = [
    "BOTH",
    "CONFLICTS",
    "LIVE",
    "MIXED",
    "NO_COMPATIBLE_MODE",
    "NO_SHARED_TIME",
    "ONLINE",
    "REASONS",
    "TOO_FAR",
    "TOO_FEW_NEARBY",
    "UNIFORM",
    "OpenGroup",
    "FormingOutcome",
    "Parameters",
    "Placement",
    "Proposal",
    "SeekerProfile",
    "Unplaced",
    "Weights",
    "experience_level",
    "form_groups",
    "group_score",
]


def form_groups(seekers, open_groups=(), parameters: Parameters | None = None) -> FormingOutcome:
    """Fill free places first, then propose new groups; deterministic for ``parameters.seed``."""
    # The former makes millions of small objects that all live until it returns: the cyclic
    # garbage collector would walk them again and again (a tenth of the run) and free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _form_groups(seekers, open_groups, parameters)
    finally:
        if collecting:
            gc.enable()


def _form_groups(seekers, open_groups, parameters: Parameters | None) -> FormingOutcome:
    parameters = parameters or Parameters()
    open_groups = list(open_groups)
    problem = Problem(
        seekers,
        parameters,
        extra_slots={slot for g in open_groups for slot in g.slots},
        extra_languages={g.language for g in open_groups},
    )
    rng = random.Random(parameters.seed)  # nosec B311 # a seeded search order, reproducible on purpose
    # Small instances get several constructions from perturbed orders; the best one is kept.
    attempts = max(1, min(MAX_ATTEMPTS, ATTEMPT_BUDGET // max(1, len(problem.seekers))))
    best, best_key = None, None
    for attempt in range(attempts):
        result = _attempt(problem, open_groups, rng, noise=0.0 if attempt == 0 else 0.5)
        groups, taken = result[2], result[4]
        key = (sum(taken), min((g.score for g in groups), default=1.0), sum(g.score for g in groups))
        if best_key is None or key > best_key:
            best, best_key = result, key
    return _outcome(problem, best[0], open_groups, *best[1:])


MAX_ATTEMPTS = 40
ATTEMPT_BUDGET = 2000


def _attempt(problem: Problem, open_groups, rng, noise: float):
    order = ease_order(problem, rng, noise)
    index = Index(problem, order)
    taken = bytearray(len(order))
    filled = fill_open_groups(problem, index, open_groups, taken)
    groups = grow_groups(problem, index, order, taken)
    insert_leftovers(problem, index, groups, order, taken)
    borrow_for_leftovers(problem, index, groups, order, taken)
    insert_leftovers(problem, index, groups, order, taken)
    eject_for_leftovers(problem, groups, order, taken)
    local_search(problem, groups, problem.parameters.effort * len(order) + 2000)
    return index, filled, groups, order, taken


def group_score(seekers, live: bool, parameters: Parameters | None = None) -> float | None:
    """The score of one group of seekers, or None when it breaks a hard rule (size excepted)."""
    problem = Problem(seekers, parameters or Parameters())
    scored = problem.score(list(range(len(problem.seekers))), live)
    return None if scored is None else scored[0]


def _explain_placement(seeker: SeekerProfile, group: OpenGroup) -> dict:
    explanation: dict = {"group": group.id, "mode": group.mode}
    if group.domain and seeker.domain == group.domain:
        explanation["domain"] = group.domain
    if group.target_group and seeker.target_group == group.target_group:
        explanation["target_group"] = group.target_group
    shared = sorted(group.slots & seeker.slots)
    if shared:
        explanation["slot"] = shared[0]
    explanation["new_colleagues"] = seeker.last_year.isdisjoint(group.member_ids)
    return explanation


def _outcome(problem, index, open_groups, filled, groups, order, taken) -> FormingOutcome:
    seekers = problem.seekers
    placements = tuple(
        Placement(seekers[i].id, open_groups[g].id, round(fit, 6), _explain_placement(seekers[i], open_groups[g]))
        for i, g, fit in sorted(filled, key=lambda item: (item[1], index.rank[item[0]]))
    )
    proposals = []
    for group in sorted(groups, key=lambda g: min(index.rank[i] for i in g.members)):
        members = sorted(group.members, key=index.rank.__getitem__)
        slots, langs = problem.feasible_basics(members)
        explanation = problem.explain(members, group.live)
        explanation["slot"] = lowest_name(slots, problem.slot_names)
        proposals.append(
            Proposal(
                members=tuple(seekers[i].id for i in members),
                mode=LIVE if group.live else ONLINE,
                latitude=round(group.centre[0], 5) if group.live else None,
                longitude=round(group.centre[1], 5) if group.live else None,
                slot=explanation["slot"],
                language=lowest_name(langs, problem.language_names),
                score=round(group.score, 6),
                explanation=explanation,
            )
        )
    online_by_language: dict[int, list[int]] = {}
    for i in order:
        if problem.modes[i] & ONLINE_BIT:
            lang = problem.langs[i]
            while lang:
                low = lang & -lang
                online_by_language.setdefault(low, []).append(i)
                lang ^= low
    unplaced = tuple(
        Unplaced(seekers[u].id, reason_for(problem, index, online_by_language, u)) for u in order if not taken[u]
    )
    return FormingOutcome(placements, tuple(proposals), unplaced)
