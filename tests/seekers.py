"""Realistic sets of seekers (and existing groups with free places) for testing and benchmarking
the group former.

Where people live: every postcode of ``kring.core.geo`` in the Netherlands and in Flanders (with
Brussels) can be drawn. Population proxy: a Dutch 4-digit postcode area holds about the same number
of people everywhere (17.9 million over ~4,080 areas, about 4,400 each), so each weighs 1; a
Flemish postcode covers a whole (sub)municipality, so each weighs 6.8 million / 541 postcodes /
4,400, about 2.9. Mindfulness trainers cluster in towns, so a postcode of a place with 10 or more
postcodes (Amsterdam, Utrecht, Antwerpen, Gent, ...) weighs 1.5 times more. Walloon postcodes are left
out: the association works in Dutch.

Everything else follows plausible shares: modes (45% live only, 25% online only, 30% both), work
domains and target groups from the association's vocabularies, teaching experience, wishes about
mixed or uniform experience, two to five moments a week (evenings most popular), a maximum travel
distance of 10 to 50 km, about 1% of people with someone they must not be grouped with (often a
neighbour: a supervisor nearby) and about a third who were in a group together last year.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import cache

from kring.core import geo
from kring.intervision.former import BOTH, LIVE, MIXED, ONLINE, UNIFORM, OpenGroup, SeekerProfile
from kring.members.vocabulary import TARGET_GROUPS, WORK_DOMAINS

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat")
PARTS = ("morning", "afternoon", "evening")
SLOTS = tuple(f"{day}-{part}" for day in DAYS for part in PARTS)
DISTANCES = (10, 15, 20, 25, 30, 40, 50)
DISTANCE_WEIGHTS = (8, 14, 20, 22, 16, 12, 8)
DOMAIN_WEIGHTS = (22, 26, 14, 12, 20, 6)
TARGET_WEIGHTS = (40, 10, 8, 6, 16, 14, 6)
FLEMISH_WEIGHT = 6.8e6 / 541 / 4400
CITY_WEIGHT = 1.5


def _is_flemish(postcode: str) -> bool:
    code = int(postcode)
    return code < 1300 or 1500 <= code < 4000 or code >= 8000


@cache
def weighted_places() -> tuple[list[geo.Place], list[float]]:
    places = [p for p in geo.all_places() if p.country == "NL" or _is_flemish(p.postcode)]
    per_name = Counter((p.country, p.name) for p in places)
    weights = []
    for place in places:
        weight = 1.0 if place.country == "NL" else FLEMISH_WEIGHT
        if per_name[(place.country, place.name)] >= 10:
            weight *= CITY_WEIGHT
        weights.append(weight)
    return places, weights


def _slot_weight(slot: str) -> float:
    day, part = slot.split("-")
    weight = {"morning": 2.0, "afternoon": 1.5, "evening": 4.0}[part]
    return weight * (0.5 if day == "sat" else 1.0)


SLOT_WEIGHTS = tuple(_slot_weight(s) for s in SLOTS)


def _choose_slots(rng: random.Random) -> frozenset[str]:
    count = rng.choice((2, 2, 3, 3, 3, 4, 5))
    chosen: set[str] = set()
    while len(chosen) < count:
        chosen.add(rng.choices(SLOTS, SLOT_WEIGHTS)[0])
    return frozenset(chosen)


def make_seekers(
    n: int, seed: int = 0, open_group_share: float = 1 / 60
) -> tuple[list[SeekerProfile], list[OpenGroup]]:
    """``n`` seekers and about ``n * open_group_share`` existing groups with free places."""
    rng = random.Random(seed)  # nosec B311 # seeded test populations, not a secret
    places, weights = weighted_places()
    homes = rng.choices(places, weights, k=n)
    homes.sort(key=lambda p: (p.country, p.postcode))  # neighbours in the list live near each other
    domains = [code for code, *_ in WORK_DOMAINS]
    targets = [code for code, *_ in TARGET_GROUPS]
    rows = []
    for i, home in enumerate(homes):
        roll = rng.random()
        modes = frozenset({LIVE}) if roll < 0.45 else frozenset({ONLINE}) if roll < 0.70 else frozenset({LIVE, ONLINE})
        languages = {"nl"}
        if rng.random() < 0.15:
            languages.add("en")
        if home.country == "BE" and rng.random() < 0.10:
            languages.add("fr")
        if rng.random() < 0.01:
            languages = {"en"}
        rows.append(
            {
                "id": i,
                "latitude": home.latitude + rng.uniform(-0.01, 0.01),
                "longitude": home.longitude + rng.uniform(-0.015, 0.015),
                "place": home.name,
                "max_distance_km": rng.choices(DISTANCES, DISTANCE_WEIGHTS)[0],
                "modes": modes,
                "languages": frozenset(languages),
                "domain": rng.choices(domains, DOMAIN_WEIGHTS)[0],
                "target_group": rng.choices(targets, TARGET_WEIGHTS)[0],
                "experience_years": min(30, int(rng.expovariate(1 / 6))),
                "experience_wish": rng.choices((MIXED, UNIFORM, ""), (50, 20, 30))[0],
                "slots": _choose_slots(rng),
                "avoid": set(),
                "last_year": set(),
            }
        )
    for i in range(n):
        if rng.random() < 0.01 and n > 1:
            j = min(n - 1, max(0, i + rng.randint(-15, 15)))
            if j != i:
                rows[i]["avoid"].add(j)
    i = 0
    while i < n:
        size = rng.randint(4, 6)
        if rng.random() < 0.3:
            cluster = list(range(i, min(n, i + size)))
            for a in cluster:
                rows[a]["last_year"].update(b for b in cluster if b != a)
        i += size
    seekers = [
        SeekerProfile(**{**row, "avoid": frozenset(row["avoid"]), "last_year": frozenset(row["last_year"])})
        for row in rows
    ]
    return seekers, make_open_groups(round(n * open_group_share), rng, seekers)


def make_open_groups(count: int, rng: random.Random, seekers: list[SeekerProfile]) -> list[OpenGroup]:
    places, weights = weighted_places()
    domains = [code for code, *_ in WORK_DOMAINS]
    targets = [code for code, *_ in TARGET_GROUPS]
    groups = []
    for g in range(count):
        place = rng.choices(places, weights)[0]
        roll = rng.random()
        mode = LIVE if roll < 0.6 else ONLINE if roll < 0.85 else BOTH
        size = rng.randint(4, 7)
        members = frozenset(f"g{g}-m{k}" for k in range(size))
        groups.append(
            OpenGroup(
                id=f"g{g}",
                mode=mode,
                latitude=place.latitude,
                longitude=place.longitude,
                language="nl" if rng.random() < 0.95 else "en",
                domain=rng.choices(domains, DOMAIN_WEIGHTS)[0],
                target_group=rng.choices(targets, TARGET_WEIGHTS)[0],
                slots=frozenset({rng.choices(SLOTS, SLOT_WEIGHTS)[0]}),
                member_ids=members,
                free_places=max(1, min(8 - size, rng.randint(1, 3))),
                experience_levels=tuple(rng.choice((0, 1, 1, 2, 2)) for _ in range(size)),
                experience_mix=MIXED if rng.random() < 0.7 else UNIFORM,
            )
        )
    return groups


def make_region(n: int, seed: int = 0, place: str = "Utrecht", spread_km: float = 8.0) -> list[SeekerProfile]:
    """``n`` seekers around one town, for instances small enough to solve exactly."""
    rng = random.Random(seed)  # nosec B311 # seeded test populations, not a secret
    centre = next(p for p in geo.all_places() if p.name == place)
    domains = [code for code, *_ in WORK_DOMAINS][:3]
    targets = [code for code, *_ in TARGET_GROUPS][:3]
    slots = ("mon-evening", "tue-evening", "wed-morning", "thu-evening")
    seekers = []
    for i in range(n):
        dlat = rng.uniform(-1, 1) * spread_km / 111.0
        dlon = rng.uniform(-1, 1) * spread_km / 69.0
        avoid = frozenset({rng.randrange(n)} - {i}) if rng.random() < 0.15 else frozenset()
        last_year = frozenset({rng.randrange(n)} - {i}) if rng.random() < 0.3 else frozenset()
        seekers.append(
            SeekerProfile(
                id=i,
                latitude=centre.latitude + dlat,
                longitude=centre.longitude + dlon,
                place=place,
                max_distance_km=rng.choice((8, 10, 15, 20)),
                modes=frozenset({LIVE}),
                languages=frozenset({"nl"}),
                domain=rng.choice(domains),
                target_group=rng.choice(targets),
                experience_years=rng.randint(0, 12),
                experience_wish=rng.choice((MIXED, UNIFORM, "")),
                slots=frozenset(rng.sample(slots, rng.randint(2, 3))),
                avoid=avoid,
                last_year=last_year,
            )
        )
    return seekers
