"""Who can come to a new group's first member: the arrays answer exactly as the loops over the
grid's cells, so the proposals are the same as before the former was made fast."""

import random

import pytest

from kring.intervision.former import Parameters
from kring.intervision.former.build import ARRAYS_FROM, Index, ease_order, live_pool, live_pool_reference
from kring.intervision.former.nearby import LiveArrays
from kring.intervision.former.problem import LIVE_BIT, Problem
from tests.seekers import make_seekers


def compiled(n, seed):
    seekers, _ = make_seekers(n, seed=seed)
    problem = Problem(seekers, Parameters(seed=seed))
    return problem, Index(problem, ease_order(problem, random.Random(seed)))


@pytest.mark.parametrize(("n", "seed", "share_taken"), [(400, 1, 0.0), (3000, 2, 0.3), (12000, 3, 0.6)])
def test_it_finds_the_same_partners_nearest_first_as_the_loops(n, seed, share_taken):
    problem, index = compiled(n, seed)
    rng = random.Random(seed)
    taken = bytearray(n)
    for i in rng.sample(range(n), int(n * share_taken)):
        taken[i] = 1
    arrays = LiveArrays(problem, index.rank, index.max_radius)
    live = [i for i in range(n) if problem.modes[i] & LIVE_BIT and not taken[i]]
    firsts = rng.sample(live, min(300, len(live)))
    firsts += [i for i in live if problem.conflicts[i]][:30]  # people with someone to avoid
    for s in firsts:
        for limit in (4, 24):
            assert arrays.pool_at_home(problem, s, taken, limit) == live_pool_reference(problem, index, s, taken, limit)


def test_it_uses_the_arrays_for_a_large_instance_and_the_loops_for_a_small_one():
    small, small_index = compiled(ARRAYS_FROM - 1, 4)
    large, large_index = compiled(ARRAYS_FROM, 4)
    assert small_index.live_arrays() is None
    assert isinstance(large_index.live_arrays(), LiveArrays)
    s = next(i for i in range(ARRAYS_FROM) if large.modes[i] & LIVE_BIT)
    taken = bytearray(ARRAYS_FROM)
    pool = live_pool(large, large_index, s, taken, 24)
    assert pool == live_pool_reference(large, large_index, s, taken, 24)
    assert len(pool) >= 24  # a realistic set has partners nearby: the comparison is not empty
