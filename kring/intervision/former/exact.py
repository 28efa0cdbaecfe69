"""The exact optimum for small instances (up to about 20 seekers), to measure the heuristic against,
and the most people that can be placed at all in a sparse instance of any size (``max_placed``).

``solve``: every feasible group (live or online, size 4–8, hard rules met, scored with the same
score as the heuristic) is listed by a depth-first search that stops as soon as a partial group
breaks a rule; CP-SAT then picks disjoint groups lexicographically: most people placed, then the
best weakest score, then the best sum. Existing groups are not part of this model.

``max_placed``: listing online groups explodes (a hundred seekers across the country give over
100,000), so online seekers are instead assigned to a (moment, language) with a number of groups
of 4 to 8 there; live groups are listed as above, and free places in existing groups are
places. The optimum of that model can only be higher than the truth (it does not split a
moment's people into groups), so it is an upper bound; it is the exact maximum once each
moment's people are shown to split into groups of 4–8 with nobody who avoids another, which
``max_placed`` checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .model import LIVE, ONLINE, Parameters
from .problem import LIVE_BIT, ONLINE_BIT, Problem

SCALE = 10_000


@dataclass(frozen=True)
class Optimum:
    placed: int
    weakest: float
    total: float
    groups: tuple[tuple, ...]  # (mode, member ids)


def feasible_groups(problem: Problem, modes=(True, False)):
    """(members, live, score) for every group that keeps the hard rules, live and/or online."""
    p = problem.parameters
    n = len(problem.seekers)
    found = []
    for live, bit in ((True, LIVE_BIT), (False, ONLINE_BIT)):
        if live not in modes:
            continue
        able = [i for i in range(n) if problem.modes[i] & bit]

        def extend(members, start, slots, langs, live=live, able=able):
            if len(members) >= p.min_size:
                scored = problem.score(members, live)
                if scored is not None:
                    found.append((tuple(members), live, scored[0]))
            if len(members) == p.max_size:
                return
            for k in range(start, len(able)):
                j = able[k]
                s, lang = slots & problem.slots[j], langs & problem.langs[j]
                if not s or not lang or not problem.conflicts[j].isdisjoint(members):
                    continue
                if live and any(problem.distance(i, j) > problem.rad[i] + problem.rad[j] for i in members):
                    continue
                members.append(j)
                extend(members, k + 1, s, lang)
                members.pop()

        extend([], 0, -1, -1)
    return found


def solve(seekers, parameters: Parameters | None = None, seconds: float = 60.0) -> Optimum:
    from ortools.sat.python import cp_model

    problem = Problem(seekers, parameters or Parameters())
    candidates = feasible_groups(problem)
    n = len(problem.seekers)
    if not candidates:
        return Optimum(0, 1.0, 0.0, ())

    def model_with(stage, placed=None, weakest=None):
        model = cp_model.CpModel()
        x = [model.NewBoolVar(f"g{k}") for k in range(len(candidates))]
        covering = [[] for _ in range(n)]
        for k, (members, _, _) in enumerate(candidates):
            for i in members:
                covering[i].append(x[k])
        for terms in covering:
            if terms:
                model.AddAtMostOne(terms)
        count = sum(len(members) * x[k] for k, (members, _, _) in enumerate(candidates))
        scores = [round(score * SCALE) for _, _, score in candidates]
        low = model.NewIntVar(0, SCALE, "weakest")
        for k, score in enumerate(scores):
            model.Add(low <= score).OnlyEnforceIf(x[k])
        if placed is not None:
            model.Add(count == placed)
        if weakest is not None:
            model.Add(low >= weakest)
        objective = {"count": count, "weakest": low, "sum": sum(s * x[k] for k, s in enumerate(scores))}[stage]
        model.Maximize(objective)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        status = solver.Solve(model)
        if status != cp_model.OPTIMAL:
            raise RuntimeError("no proven optimum within the time limit")
        return solver, x, low

    solver, _, _ = model_with("count")
    placed = round(solver.ObjectiveValue())
    solver, _, low = model_with("weakest", placed=placed)
    weakest = round(solver.ObjectiveValue()) if placed else SCALE
    solver, x, _ = model_with("sum", placed=placed, weakest=weakest)
    chosen = [candidates[k] for k in range(len(candidates)) if solver.Value(x[k])]
    ids = problem.seekers
    return Optimum(
        placed=placed,
        weakest=min((score for _, _, score in chosen), default=1.0),
        total=sum(score for _, _, score in chosen),
        groups=tuple((LIVE if live else ONLINE, tuple(ids[i].id for i in members)) for members, live, _ in chosen),
    )


@dataclass(frozen=True)
class MostPlaced:
    placed: int  # new groups and free places together
    proven: bool  # False: only an upper bound (a moment's people did not split into groups)
    in_new_groups: int
    in_free_places: int


def max_placed(seekers, open_groups=(), parameters: Parameters | None = None, seconds: float = 120.0) -> MostPlaced:
    """The most seekers any proposal could place, by CP-SAT (see the module's docstring)."""
    from ortools.sat.python import cp_model

    from .build import Index
    from .open_groups import open_group_candidates

    open_groups = list(open_groups)
    problem = Problem(
        seekers,
        parameters or Parameters(),
        extra_slots={slot for g in open_groups for slot in g.slots},
        extra_languages={g.language for g in open_groups},
    )
    p, n = problem.parameters, len(problem.seekers)
    model = cp_model.CpModel()
    uses: list[list] = [[] for _ in range(n)]
    placed = []
    live_groups = feasible_groups(problem, modes=(True,))
    for k, (members, _, _) in enumerate(live_groups):
        chosen = model.NewBoolVar(f"live{k}")
        for i in members:
            uses[i].append(chosen)
        placed.append(len(members) * chosen)
    buckets = _online_buckets(problem)
    assigned: dict[tuple[int, int], dict[int, object]] = {}
    for key, people in buckets.items():
        count = model.NewIntVar(0, len(people) // p.min_size, f"groups{key}")
        at = {i: model.NewBoolVar(f"online{key}-{i}") for i in people}
        model.Add(sum(at.values()) >= p.min_size * count)
        model.Add(sum(at.values()) <= p.max_size * count)
        for i, j in combinations(people, 2):
            if j in problem.conflicts[i]:
                model.Add(at[i] + at[j] <= count)  # two who avoid each other need two groups
        for i, var in at.items():
            uses[i].append(var)
        placed.append(sum(at.values()))
        assigned[key] = at
    places = []
    index = Index(problem, list(range(n)))
    for g, group in enumerate(open_groups):
        found = [i for i, _ in open_group_candidates(problem, index, group, bytearray(n), n)]
        at = {i: model.NewBoolVar(f"place{g}-{i}") for i in found}
        model.Add(sum(at.values()) <= group.free_places)
        for i, j in combinations(found, 2):
            if j in problem.conflicts[i]:
                model.Add(at[i] + at[j] <= 1)
        for i, var in at.items():
            uses[i].append(var)
        places += at.values()
    for terms in uses:
        if len(terms) > 1:
            model.AddAtMostOne(terms)
    model.Maximize(sum(placed) + sum(places))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    if solver.Solve(model) != cp_model.OPTIMAL:
        raise RuntimeError("no proven optimum within the time limit")
    in_places = sum(solver.Value(v) for v in places)
    total = round(solver.ObjectiveValue())
    proven = all(_splits(problem, [i for i, var in at.items() if solver.Value(var)]) for at in assigned.values())
    return MostPlaced(total, proven, total - in_places, in_places)


def _online_buckets(problem: Problem) -> dict[tuple[int, int], list[int]]:
    buckets: dict[tuple[int, int], list[int]] = {}
    for i in range(len(problem.seekers)):
        if problem.modes[i] & ONLINE_BIT:
            for slot in range(len(problem.slot_names)):
                if problem.slots[i] >> slot & 1:
                    for lang in range(len(problem.language_names)):
                        if problem.langs[i] >> lang & 1:
                            buckets.setdefault((slot, lang), []).append(i)
    return buckets


def _splits(problem: Problem, people: list[int]) -> bool:
    """Whether people who share a moment and a language split into online groups of 4–8 in which
    nobody avoids another (a small search: tried only on the optimum's few people per moment)."""
    p = problem.parameters
    if not people:
        return True
    if len(people) < p.min_size:
        return False
    groups = -(-len(people) // p.max_size)
    while groups * p.min_size <= len(people):
        if _place_all(problem, people, [[] for _ in range(groups)]):
            return True
        groups += 1
    return False


def _place_all(problem: Problem, people: list[int], groups: list[list[int]]) -> bool:
    p = problem.parameters
    if not people:
        return all(len(g) >= p.min_size for g in groups)
    first, rest = people[0], people[1:]
    room_needed = sum(max(0, p.min_size - len(g)) for g in groups)
    if room_needed > len(people):
        return False
    tried_empty = False
    for group in groups:
        if len(group) >= p.max_size or problem.conflicts[first] & set(group):
            continue
        if not group:
            if tried_empty:  # empty groups are alike
                continue
            tried_empty = True
        group.append(first)
        if _place_all(problem, rest, groups):
            return True
        group.pop()
    return False
