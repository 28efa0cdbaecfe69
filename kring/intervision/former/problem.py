"""Seekers compiled into flat arrays, and the score of a group.

The former works on seeker *indices*: slots, languages and modes become bit masks, so "do these
people share a moment" is one ``&``. Distances use a flat-earth formula with the cosine of the mean
latitude (within a few metres of the great-circle distance at Dutch and Flemish scales); a small
margin on each person's maximum distance keeps every proposal inside the haversine limit.
"""

from __future__ import annotations

import math
from collections import Counter

from .model import LIVE, MIXED, ONLINE, UNIFORM, Parameters, SeekerProfile, experience_level

KM_PER_DEGREE = 6371.0088 * math.pi / 180
DISTANCE_MARGIN = 0.998
LIVE_BIT, ONLINE_BIT = 1, 2
NO_WISH, WISH_MIXED, WISH_UNIFORM = 0, 1, 2


def flat_km(lat1: float, lon1: float, cos1: float, lat2: float, lon2: float, cos2: float) -> float:
    dy = lat2 - lat1
    dx = (lon2 - lon1) * (cos1 + cos2) * 0.5
    return KM_PER_DEGREE * math.sqrt(dy * dy + dx * dx)


def _bits(names, index: dict[str, int]) -> int:
    mask = 0
    for name in names:
        mask |= 1 << index[name]
    return mask


def lowest_name(mask: int, names: list[str]) -> str:
    return names[(mask & -mask).bit_length() - 1] if mask else ""


class Problem:
    """Everything the former needs to know about the seekers, by index."""

    def __init__(self, seekers: list[SeekerProfile], parameters: Parameters, extra_slots=(), extra_languages=()):
        self.seekers = list(seekers)
        self.parameters = parameters
        self.index = {s.id: i for i, s in enumerate(self.seekers)}
        if len(self.index) != len(self.seekers):
            raise ValueError("seeker ids must be unique")
        self.slot_names = sorted({slot for s in self.seekers for slot in s.slots} | set(extra_slots))
        self.language_names = sorted({lang for s in self.seekers for lang in s.languages} | set(extra_languages))
        slot_index = {name: i for i, name in enumerate(self.slot_names)}
        language_index = {name: i for i, name in enumerate(self.language_names)}
        self.slot_index, self.language_index = slot_index, language_index
        domains: dict[str, int] = {}
        targets: dict[str, int] = {}
        self.domain_names: list[str] = []
        self.target_names: list[str] = []
        n = len(self.seekers)
        self.lat = [0.0] * n
        self.lon = [0.0] * n
        self.cos = [1.0] * n
        self.rad = [0.0] * n
        self.modes = [0] * n
        self.langs = [0] * n
        self.slots = [0] * n
        self.domain = [-1] * n
        self.target = [-1] * n
        self.level = [0] * n
        self.wish = [NO_WISH] * n
        self.conflicts: list[frozenset[int]] = [frozenset()] * n
        self.last_year: list[frozenset[int]] = [frozenset()] * n
        conflict_sets: list[set[int]] = [set() for _ in range(n)]
        for i, s in enumerate(self.seekers):
            if s.has_location:
                self.lat[i], self.lon[i] = float(s.latitude), float(s.longitude)
                self.cos[i] = math.cos(math.radians(self.lat[i]))
            self.rad[i] = max(0.0, float(s.max_distance_km)) * DISTANCE_MARGIN
            mask = 0
            if LIVE in s.modes and s.has_location:
                mask |= LIVE_BIT
            if ONLINE in s.modes:
                mask |= ONLINE_BIT
            self.modes[i] = mask
            self.langs[i] = _bits(s.languages, language_index)
            self.slots[i] = _bits(s.slots, slot_index)
            if s.domain:
                if s.domain not in domains:
                    domains[s.domain] = len(self.domain_names)
                    self.domain_names.append(s.domain)
                self.domain[i] = domains[s.domain]
            if s.target_group:
                if s.target_group not in targets:
                    targets[s.target_group] = len(self.target_names)
                    self.target_names.append(s.target_group)
                self.target[i] = targets[s.target_group]
            self.level[i] = experience_level(s.experience_years)
            self.wish[i] = {MIXED: WISH_MIXED, UNIFORM: WISH_UNIFORM}.get(s.experience_wish, NO_WISH)
            for other in s.avoid:
                j = self.index.get(other)
                if j is not None and j != i:
                    conflict_sets[i].add(j)
                    conflict_sets[j].add(i)
        self.last_year = [
            frozenset(self.index[o] for o in s.last_year if o in self.index and self.index[o] != i)
            for i, s in enumerate(self.seekers)
        ]
        self.conflicts = [frozenset(c) for c in conflict_sets]
        self.domains_index, self.targets_index = domains, targets

    def distance(self, i: int, j: int) -> float:
        return flat_km(self.lat[i], self.lon[i], self.cos[i], self.lat[j], self.lon[j], self.cos[j])

    # -- the score of a group -------------------------------------------------------------------

    def size_fit(self, size: int) -> float:
        preferred = self.parameters.preferred_sizes
        if size in preferred:
            return 1.0
        gap = min(abs(size - p) for p in preferred)
        return max(0.0, 1.0 - 0.1 * gap)

    def centre(self, members):
        """A meeting point within every member's reach and the travel fit there (mean of
        1 - distance/reach), or None. The mean position when it works, otherwise the member's home
        or a point between them that keeps travel lowest. It depends on the members alone, so a
        group has one score."""
        lat, lon = self.lat, self.lon
        n = len(members)
        clat = clon = 0.0
        for i in members:
            clat += lat[i]
            clon += lon[i]
        clat /= n
        clon /= n
        mean = (clat, clon, math.cos(math.radians(clat)))
        cost = self._travel_cost(members, mean)
        if cost is not None:
            return mean, max(0.0, 1.0 - cost / n)
        cos = self.cos
        options = [(lat[m], lon[m], cos[m]) for m in members]
        options.extend(self._minimax_centres(members, mean[0], mean[1]))
        best, best_cost = None, math.inf
        for option in options:
            cost = self._travel_cost(members, option)
            if cost is not None and cost < best_cost:
                best, best_cost = option, cost
        if best is None:
            return None
        return best, max(0.0, 1.0 - best_cost / n)

    def _travel_cost(self, members, point) -> float | None:
        """The sum of distance / reach from each member's home to ``point``, or None when the
        point is beyond someone's reach."""
        clat, clon, ccos = point
        lat, lon, cos, rad = self.lat, self.lon, self.cos, self.rad
        sqrt = math.sqrt
        cost = 0.0
        for i in members:
            dy = lat[i] - clat
            dx = (lon[i] - clon) * (cos[i] + ccos) * 0.5
            d = KM_PER_DEGREE * sqrt(dy * dy + dx * dx)
            reach = rad[i]
            if d > reach:
                return None
            cost += d / reach if reach else 0.0
        return cost

    def _minimax_centres(self, members, clat: float, clon: float, steps: int = 12):
        """Points that step from the mean towards whoever is furthest beyond their reach (a
        Badoiu–Clarkson walk): they find a meeting point for spread-out groups where the mean and
        the members' homes do not."""
        lat, lon, cos, rad = self.lat, self.lon, self.cos, self.rad
        points = []
        for step in range(1, steps + 1):
            ccos = math.cos(math.radians(clat))
            worst, worst_ratio = members[0], -1.0
            for i in members:
                ratio = flat_km(lat[i], lon[i], cos[i], clat, clon, ccos) / (rad[i] or 1e-9)
                if ratio > worst_ratio:
                    worst, worst_ratio = i, ratio
            if worst_ratio <= 1.0:
                points.append((clat, clon, ccos))
                break
            clat += (lat[worst] - clat) / (step + 1)
            clon += (lon[worst] - clon) / (step + 1)
        return points

    def feasible_basics(self, members) -> tuple[int, int] | None:
        """Shared slot and language masks when nobody conflicts, else None."""
        slot = lang = -1
        member_set = set(members)
        for i in members:
            slot &= self.slots[i]
            lang &= self.langs[i]
            if self.conflicts[i] and not self.conflicts[i].isdisjoint(member_set):
                return None
        if not slot or not lang:
            return None
        return slot, lang

    def score(self, members, live: bool):
        """(score, centre) of a group, or None when it breaks a hard rule. Size is checked by callers."""
        basics = self.feasible_basics(members)
        if basics is None:
            return None
        mode_bit = LIVE_BIT if live else ONLINE_BIT
        modes = self.modes
        for i in members:
            if not modes[i] & mode_bit:
                return None
        return self.score_feasible(members, live)

    def score_feasible(self, members, live: bool):
        """(score, centre) of a group known to share a moment and a language, to have nobody who
        avoids another and everyone accepting the mode; None when no meeting point is in reach."""
        centre, travel = None, 1.0
        if live:
            found = self.centre(members)
            if found is None:
                return None
            centre, travel = found
        return self.soft_score(members, travel), centre

    def soft_score(self, members, travel: float) -> float:
        w = self.parameters.weights
        n = len(members)
        domain, target, level, wish, last_year = self.domain, self.target, self.level, self.wish, self.last_year
        # Counts per domain and target group, with "no preference" (-1) in the first place.
        dom_counts = [0] * (len(self.domain_names) + 1)
        tgt_counts = [0] * (len(self.target_names) + 1)
        levels = [0, 0, 0]
        newcomers = 0
        for i in members:
            dom_counts[domain[i] + 1] += 1
            tgt_counts[target[i] + 1] += 1
            levels[level[i]] += 1
            ly = last_year[i]
            if not ly or ly.isdisjoint(members):
                newcomers += 1
        wild, dom_counts[0] = dom_counts[0], 0
        dom_share = (max(dom_counts) + wild) / n
        wild, tgt_counts[0] = tgt_counts[0], 0
        tgt_share = (max(tgt_counts) + wild) / n
        others = n - 1
        experience = 0.0
        for i in members:
            want = wish[i]
            if want == NO_WISH or not others:
                experience += 1.0
            elif want == WISH_UNIFORM:
                experience += (levels[level[i]] - 1) / others
            else:
                mixed = (n - levels[level[i]]) / (0.5 * others)
                experience += mixed if mixed < 1.0 else 1.0
        experience /= n
        return (
            w.domain * dom_share
            + w.target_group * tgt_share
            + w.experience * experience
            + w.travel * travel
            + w.new_colleagues * newcomers / n
            + w.size * self.size_fit(n)
        )

    # -- explanations -----------------------------------------------------------------------------

    def explain(self, members, live: bool) -> dict:
        """What a proposal has going for it, as data: region, domain, target group, experience."""
        seekers = [self.seekers[i] for i in members]
        explanation: dict = {"mode": LIVE if live else ONLINE}
        if live:
            places = Counter(s.place for s in seekers if s.place)
            if places:
                explanation["region"] = places.most_common(1)[0][0]
        for key, attr in (("domain", "domain"), ("target_group", "target_group")):
            values = Counter(getattr(s, attr) for s in seekers if getattr(s, attr))
            if values:
                value, count = values.most_common(1)[0]
                explanation[key] = value
                explanation[f"{key}_shared_by"] = count
        levels = {self.level[i] for i in members}
        explanation["experience"] = UNIFORM if len(levels) == 1 else MIXED
        explanation["new_colleagues"] = all(self.last_year[i].isdisjoint(members) for i in members)
        explanation["size"] = len(members)
        return explanation
