"""After construction: place the leftovers (into groups with room, or by borrowing members from
groups above the minimum), then swap and move members between neighbouring groups, weakest
group first, while the weaker of the two groups gets better (or stays and the pair's sum rises)."""

from __future__ import annotations

import heapq

from .build import FormingGroup, Index, bits_of, online_pool, spread_pool
from .problem import LIVE_BIT, ONLINE_BIT, Problem, flat_km
from .space import Grid

EPSILON = 1e-9
NEIGHBOURS = 6
LIVE_NEIGHBOURHOOD_KM = 40.0


class GroupIndex:
    """Where the new groups are: live ones on a grid by centre, online ones per (slot, language)."""

    def __init__(self, problem: Problem, groups: list[FormingGroup]):
        self.problem = problem
        self.groups = groups
        self.grid = Grid()
        self.online: dict[tuple[int, int], list[int]] = {}
        for g, group in enumerate(groups):
            self.add(g, group)

    def add(self, g: int, group: FormingGroup) -> None:
        if group.live:
            self.grid.add(g, group.centre[0], group.centre[1])
        else:
            slots, langs = self.problem.feasible_basics(group.members)
            for slot in bits_of(slots):
                for lang in bits_of(langs):
                    self.online.setdefault((slot, lang), []).append(g)

    def near(self, i: int, radius: float, live: bool) -> list[int]:
        problem = self.problem
        found: list[int] = []
        if live:
            for ring in self.grid.rings(problem.lat[i], problem.lon[i], radius):
                found.extend(ring)
        else:
            seen = set()
            for slot in bits_of(problem.slots[i]):
                for lang in bits_of(problem.langs[i]):
                    for g in self.online.get((slot, lang), ()):
                        if g not in seen:
                            seen.add(g)
                            found.append(g)
        return found


def insert_leftovers(problem: Problem, index: Index, groups: list[FormingGroup], order: list[int], taken) -> None:
    """Put each seeker who is still without a group into the best new group with room."""
    max_size = problem.parameters.max_size
    where = GroupIndex(problem, groups)
    for u in order:
        if taken[u]:
            continue
        best, best_score = None, -1.0
        for live, bit in ((True, LIVE_BIT), (False, ONLINE_BIT)):
            if not problem.modes[u] & bit:
                continue
            for g in where.near(u, problem.rad[u], live):
                group = groups[g]
                if len(group.members) >= max_size or group.live != live:
                    continue
                scored = problem.score(group.members + [u], live)
                if scored is not None and scored[0] > best_score:
                    best, best_score = (group, scored), scored[0]
        if best is not None:
            group, (score, centre) = best
            group.members.append(u)
            group.score, group.centre = score, centre
            taken[u] = 1


def eject_for_leftovers(problem: Problem, groups: list[FormingGroup], order: list[int], taken) -> None:
    """A leftover seeker takes the place of a group member who can move on to another group with
    room (a chain of two moves): one more person placed, nobody dropped."""
    max_size = problem.parameters.max_size
    where = GroupIndex(problem, groups)
    for u in order:
        if taken[u]:
            continue
        done = False
        for live, bit in ((True, LIVE_BIT), (False, ONLINE_BIT)):
            if done or not problem.modes[u] & bit:
                continue
            for g in where.near(u, problem.rad[u] + LIVE_NEIGHBOURHOOD_KM, live):
                group = groups[g]
                if group.live != live or done:
                    continue
                for a in group.members:
                    changed = [m for m in group.members if m != a] + [u]
                    scored = problem.score(changed, live)
                    if scored is None:
                        continue
                    for h in where.near(a, problem.rad[a] + LIVE_NEIGHBOURHOOD_KM, live):
                        other = groups[h]
                        if h == g or other.live != live or len(other.members) >= max_size:
                            continue
                        moved = other.members + [a]
                        scored_other = problem.score(moved, live)
                        if scored_other is not None:
                            group.members, other.members = changed, moved
                            group.score, group.centre = scored
                            other.score, other.centre = scored_other
                            taken[u] = 1
                            done = True
                            break
                    if done:
                        break


def borrow_for_leftovers(problem: Problem, index: Index, groups: list[FormingGroup], order: list[int], taken) -> None:
    """Start a new group around a leftover seeker with other leftovers and members borrowed from
    nearby groups that stay at or above the minimum size (a small bounded search over who to ask)."""
    p = problem.parameters
    where = GroupIndex(problem, groups)
    for u in order:
        if taken[u]:
            continue
        for live, bit in ((True, LIVE_BIT), (False, ONLINE_BIT)):
            if not problem.modes[u] & bit:
                continue
            if live:
                free = spread_pool(problem, index, u, taken)[:24]
            else:
                free = [j for j, _ in online_pool(problem, index, u, taken, 24)]
            candidates = [(j, None) for j in free]
            lenders = where.near(u, problem.rad[u] + LIVE_NEIGHBOURHOOD_KM, live)
            if live and problem.modes[u] & ONLINE_BIT == 0:
                # Flexible people in online groups may come and meet a live-only seeker.
                lenders += where.near(u, 0.0, False)
            bit_needed = LIVE_BIT if live else ONLINE_BIT
            for g in lenders:
                group = groups[g]
                if len(group.members) > p.min_size:
                    candidates += [
                        (j, g)
                        for j in group.members
                        if problem.modes[j] & bit_needed and _compatible(problem, [u, j], live)
                    ]
            found = _search_group(problem, groups, u, candidates[:60], live)
            if found is None:
                continue
            members, borrowed, scored, rest = found
            for g, lent in borrowed.items():
                groups[g].members = [i for i in groups[g].members if i not in lent]
                groups[g].score, groups[g].centre = rest[g]
            new = FormingGroup(members, live, scored[0], scored[1])
            groups.append(new)
            where.add(len(groups) - 1, new)
            for i in members:
                taken[i] = 1
            break


SEARCH_NODES = 4000


def _search_group(problem: Problem, groups: list[FormingGroup], u: int, candidates, live: bool):
    """Depth-first over candidates (leftovers first, then members of groups that can spare one)
    for a feasible group around u that leaves every lending group feasible."""
    p = problem.parameters
    nodes = [0]

    def dfs(members, start, borrowed):
        nodes[0] += 1
        if nodes[0] > SEARCH_NODES:
            return None
        if len(members) >= p.min_size:
            scored = problem.score(members, live)
            if scored is None:
                return None
            rest = {}
            for g, lent in borrowed.items():
                rest[g] = problem.score([i for i in groups[g].members if i not in lent], groups[g].live)
                if rest[g] is None:
                    return None
            return members[:], {g: list(lent) for g, lent in borrowed.items()}, scored, rest
        for k in range(start, len(candidates)):
            j, g = candidates[k]
            if j in members:
                continue
            if g is not None and len(groups[g].members) - len(borrowed.get(g, ())) <= p.min_size:
                continue
            members.append(j)
            if _compatible(problem, members, live):
                if g is not None:
                    borrowed.setdefault(g, []).append(j)
                found = dfs(members, k + 1, borrowed)
                if g is not None:
                    borrowed[g].pop()
                    if not borrowed[g]:
                        del borrowed[g]
                if found is not None:
                    return found
            members.pop()
        return None

    return dfs([u], 0, {})


def _compatible(problem: Problem, members, live: bool) -> bool:
    """Shared moment and language, no conflicts, and (live) a meeting point within everyone's reach."""
    if problem.feasible_basics(members) is None:
        return False
    return not live or problem.centre(members) is not None


def _neighbours(problem: Problem, groups: list[FormingGroup]) -> list[list[int]]:
    where = GroupIndex(problem, groups)
    result = []
    for g, group in enumerate(groups):
        if group.live:
            clat, clon, ccos = group.centre
            found = []
            for ring in where.grid.rings(clat, clon, LIVE_NEIGHBOURHOOD_KM):
                for h in ring:
                    if h != g:
                        other = groups[h].centre
                        found.append((flat_km(clat, clon, ccos, other[0], other[1], other[2]), h))
                if len(found) >= NEIGHBOURS:
                    break
            found.sort()
            result.append([h for _, h in found[:NEIGHBOURS]])
        else:
            slots, langs = problem.feasible_basics(group.members)
            key = (bits_of(slots)[0], bits_of(langs)[0])
            peers = where.online.get(key, [])
            k = peers.index(g)
            window = peers[max(0, k - NEIGHBOURS // 2) : k + NEIGHBOURS // 2 + 1]
            result.append([h for h in window if h != g])
    return result


def _better(old_a: float, old_b: float, new_a: float, new_b: float) -> bool:
    old_min, new_min = min(old_a, old_b), min(new_a, new_b)
    if new_min > old_min + EPSILON:
        return True
    return new_min >= old_min - EPSILON and new_a + new_b > old_a + old_b + EPSILON


def _masks_without(problem: Problem, members) -> list[tuple[int, int]]:
    """For each member, the slot and language masks the others share."""
    n = len(members)
    slots, langs = problem.slots, problem.langs
    prefix = [(-1, -1)] * (n + 1)
    for k in range(n):
        s, lang = prefix[k]
        prefix[k + 1] = (s & slots[members[k]], lang & langs[members[k]])
    result = [(0, 0)] * n
    s_after = lang_after = -1
    for k in range(n - 1, -1, -1):
        s, lang = prefix[k]
        result[k] = (s & s_after, lang & lang_after)
        s_after &= slots[members[k]]
        lang_after &= langs[members[k]]
    return result


def _fits(problem: Problem, j: int, masks: tuple[int, int], members, leaving: int | None) -> bool:
    if not problem.slots[j] & masks[0] or not problem.langs[j] & masks[1]:
        return False
    conflicts = problem.conflicts[j]
    return not conflicts or all(m == leaving or m not in conflicts for m in members)


def _avoided_in(problem: Problem, members, others) -> list[frozenset]:
    """For each member, the people in ``others`` they must not be grouped with."""
    conflicts = problem.conflicts
    return [conflicts[i].intersection(others) if conflicts[i] else frozenset() for i in members]


class ScoreMemo:
    """The scores of member lists already tried, for lists the mask checks have shown to keep the
    basic rules (a shared moment and language, nobody to avoid, everyone's mode). After a swap,
    the weakest group tries its neighbours again and meets many of the same lists (about a
    quarter of all tries); a score depends on the members alone (in order: the sums run in that
    order), so it is looked up. Kept to a bounded size, so memory does not grow with the
    association."""

    LIMIT = 200_000

    def __init__(self, problem: Problem):
        self.problem = problem
        self.known: dict = {}

    def __call__(self, members: list[int], live: bool):
        key = (tuple(members), live)
        known = self.known
        if key in known:
            return known[key]
        if len(known) >= self.LIMIT:
            known.clear()
        found = known[key] = self.problem.score_feasible(members, live)
        return found


def _try_pair(problem: Problem, a: FormingGroup, b: FormingGroup, budget: list[int], score: ScoreMemo) -> bool:
    """Apply the first swap or move between a and b that makes the pair better. Cheap mask checks
    come first, so only swaps that keep the hard rules cost a full score; a change can only be
    better if its first new group keeps at least the weaker old score, so the second is scored
    only then. The budget counts two evaluations per change tried all the same, so that what the
    search does never depends on how fast it is."""
    p = problem.parameters
    live = a.live
    floor = min(a.score, b.score) - EPSILON
    am, bm = a.members, b.members
    a_without, b_without = _masks_without(problem, am), _masks_without(problem, bm)
    slots, langs = problem.slots, problem.langs
    # Whom each member avoids in the other group (nearly always nobody): a swap keeps the rule
    # when that is at most the one they change places with (what ``_fits`` checks, per pair).
    a_avoids, b_avoids = _avoided_in(problem, am, bm), _avoided_in(problem, bm, am)
    for x, i in enumerate(am):
        a_slots, a_langs = a_without[x]
        avoided_by_i = a_avoids[x]
        for y, j in enumerate(bm):
            if not slots[j] & a_slots or not langs[j] & a_langs:
                continue
            b_slots, b_langs = b_without[y]
            if not slots[i] & b_slots or not langs[i] & b_langs:
                continue
            if avoided_by_i and (len(avoided_by_i) > 1 or j not in avoided_by_i):
                continue
            avoided_by_j = b_avoids[y]
            if avoided_by_j and (len(avoided_by_j) > 1 or i not in avoided_by_j):
                continue
            new_a = am[:x] + am[x + 1 :] + [bm[y]]
            new_b = bm[:y] + bm[y + 1 :] + [am[x]]
            budget[0] -= 2
            sa = score(new_a, live)
            if sa is None or sa[0] < floor:
                continue
            sb = score(new_b, live)
            if sb is not None and _better(a.score, b.score, sa[0], sb[0]):
                a.members, b.members = new_a, new_b
                a.score, a.centre = sa
                b.score, b.centre = sb
                return True
    for giver, taker in ((a, b), (b, a)):
        if len(giver.members) <= p.min_size or len(taker.members) >= p.max_size:
            continue
        gm, tm = giver.members, taker.members
        shared = problem.feasible_basics(tm)
        for x in range(len(gm)):
            if shared is None or not _fits(problem, gm[x], shared, tm, None):
                continue
            new_g = gm[:x] + gm[x + 1 :]
            new_t = tm + [gm[x]]
            budget[0] -= 2
            st = score(new_t, live)
            if st is None or st[0] < floor:
                continue
            sg = score(new_g, live)
            if sg is not None and _better(giver.score, taker.score, sg[0], st[0]):
                giver.members, taker.members = new_g, new_t
                giver.score, giver.centre = sg
                taker.score, taker.centre = st
                return True
    return False


def local_search(problem: Problem, groups: list[FormingGroup], evaluations: int) -> None:
    """Weakest group first: try its neighbours; after a change, both groups are looked at again."""
    if len(groups) < 2:
        return
    neighbours = _neighbours(problem, groups)
    heap = [(group.score, g) for g, group in enumerate(groups)]
    heapq.heapify(heap)
    budget = [evaluations]
    scores = ScoreMemo(problem)
    while heap and budget[0] > 0:
        score, g = heapq.heappop(heap)
        group = groups[g]
        if score != group.score:
            continue
        for h in neighbours[g]:
            other = groups[h]
            if other.live != group.live:
                continue
            if _try_pair(problem, group, other, budget, scores):
                heapq.heappush(heap, (group.score, g))
                heapq.heappush(heap, (other.score, h))
                break
            if budget[0] <= 0:
                break
