"""Free places in existing groups: the fast candidate lists are exactly the straightforward ones,
so the office sees the same placements as before the former was made fast."""

import random
from dataclasses import replace

import pytest

from kring.intervision.former import Parameters, form_groups
from kring.intervision.former.build import Index, ease_order
from kring.intervision.former.nearby import LiveArrays
from kring.intervision.former.open_groups import (
    Candidates,
    candidate_lists,
    choose_for_open_groups,
    fill_open_groups,
    open_group_candidates,
)
from kring.intervision.former.problem import Problem
from tests.seekers import SLOTS, make_seekers


def varied_groups(groups, seed):
    """The generator's groups, some meeting at two moments, some at any moment, some hybrid, and
    one of them with a member whom a seeker must avoid."""
    rng = random.Random(seed)
    varied = []
    for k, group in enumerate(groups):
        if k % 5 == 1:
            group = replace(group, slots=group.slots | {rng.choice(SLOTS)})
        elif k % 7 == 2:
            group = replace(group, slots=frozenset())
        elif k % 4 == 3:
            group = replace(group, mode="both")
        varied.append(group)
    return varied


def compiled(seekers, groups, seed):
    problem = Problem(
        seekers,
        Parameters(seed=1),
        extra_slots={s for g in groups for s in g.slots},
        extra_languages={g.language for g in groups},
    )
    return problem, Index(problem, ease_order(problem, random.Random(seed)))


def prepared(n, seed):
    """A seeded instance in which a few candidates of existing groups must avoid one of its members."""
    seekers, groups = make_seekers(n, seed=seed)
    groups = varied_groups(groups, seed)
    problem, index = compiled(seekers, groups, seed)
    for group in groups[:6]:
        found = open_group_candidates(problem, index, group, bytearray(n), 16)
        if found:
            i = found[0][0]
            seekers[i] = replace(seekers[i], avoid=seekers[i].avoid | {next(iter(group.member_ids))})
    problem, index = compiled(seekers, groups, seed)
    return problem, index, groups


@pytest.mark.parametrize(("n", "seed"), [(300, 1), (2500, 2), (8000, 3)])
def test_it_lists_exactly_the_candidates_of_the_straightforward_scan(n, seed):
    problem, index, groups = prepared(n, seed)
    taken = bytearray(n)
    for i in random.Random(seed).sample(range(n), n // 10):  # some already placed
        taken[i] = 1
    live = LiveArrays(problem, index.rank, index.max_radius)
    for group in groups:
        limit = 4 * group.free_places + 12
        expected = open_group_candidates(problem, index, group, taken, limit)
        fast = Candidates(problem, index, live, group, taken, limit)
        assert len(fast) == len(expected)
        assert list(fast) == expected
        assert list(fast) == expected  # a second walk gives the same (the fits are kept)


@pytest.mark.parametrize(("n", "seed"), [(300, 4), (2500, 5), (8000, 6)])
def test_it_fills_the_same_places_as_with_the_straightforward_lists(n, seed):
    problem, index, groups = prepared(n, seed)
    reference_taken = bytearray(n)
    reference = choose_for_open_groups(
        problem,
        groups,
        {
            g: open_group_candidates(problem, index, group, reference_taken, 4 * group.free_places + 12)
            for g, group in enumerate(groups)
            if group.free_places > 0
        },
        reference_taken,
    )
    taken = bytearray(n)
    assert fill_open_groups(problem, index, groups, taken) == reference
    assert taken == reference_taken
    assert len(reference) >= len(groups)  # most groups get someone: the comparison is not empty


def test_it_never_places_more_than_the_free_places_nor_someone_avoided():
    problem, index, groups = prepared(2500, 7)
    taken = bytearray(2500)
    placed = fill_open_groups(problem, index, groups, taken)
    per_group: dict = {}
    for i, g, _ in placed:
        per_group.setdefault(g, []).append(i)
        assert problem.seekers[i].avoid.isdisjoint(groups[g].member_ids)
    assert all(len(members) <= groups[g].free_places for g, members in per_group.items())
    assert sum(taken) == len(placed) == len({i for i, _, _ in placed})


def test_it_finds_candidates_for_every_group_the_reference_finds_them_for():
    problem, index, groups = prepared(2500, 8)
    taken = bytearray(2500)
    lists = candidate_lists(problem, index, groups, taken)
    assert all(isinstance(found, Candidates) for found in lists.values())
    for g, group in enumerate(groups):
        assert bool(len(lists[g])) == bool(open_group_candidates(problem, index, group, taken, 16))


def test_it_fills_every_free_place_in_a_realistic_set_of_three_thousand():
    seekers, groups = make_seekers(3000, seed=9)
    outcome = form_groups(seekers, groups, Parameters(seed=9))
    assert len(outcome.placements) == sum(g.free_places for g in groups)
