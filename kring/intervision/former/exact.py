"""The exact optimum for small instances (up to about 20 seekers), to measure the heuristic against.

Every feasible group (live or online, size 4–8, hard rules met, scored with the same score as the
heuristic) is listed by a depth-first search that stops as soon as a partial group breaks a rule;
CP-SAT then picks disjoint groups lexicographically: most people placed, then the best weakest
score, then the best sum. Existing groups are not part of this model.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import LIVE, ONLINE, Parameters
from .problem import LIVE_BIT, ONLINE_BIT, Problem

SCALE = 10_000


@dataclass(frozen=True)
class Optimum:
    placed: int
    weakest: float
    total: float
    groups: tuple[tuple, ...]  # (mode, member ids)


def feasible_groups(problem: Problem):
    """(members, live, score) for every group that keeps the hard rules."""
    p = problem.parameters
    n = len(problem.seekers)
    found = []
    for live, bit in ((True, LIVE_BIT), (False, ONLINE_BIT)):
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
