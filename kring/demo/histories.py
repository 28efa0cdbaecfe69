"""Histories of the demo people: a trainer's registration periods over five-year cycles and the
memberships of trainers and members, with the odd lapse, suspension or ending."""

from __future__ import annotations

import datetime
import random

from kring.demo.plans import MembershipPlan, PeriodPlan, add_years

CYCLE_YEARS = 5


# --- Histories ------------------------------------------------------------------------------------
def registration_periods(rng: random.Random, today: datetime.date) -> list[PeriodPlan]:
    """Five-year cycles from the first certification until today, with now and then a level change at
    recertification, a suspension, an expiry or (rarely) striking off."""
    fate = rng.random()
    expires = 0.90 <= fate < 0.95
    first = today - datetime.timedelta(days=rng.randint(30, 17 * 365))
    if expires and first > add_years(today, -CYCLE_YEARS) - datetime.timedelta(days=30):
        first = add_years(first, -CYCLE_YEARS)  # an expired registration needs a finished cycle
    level = "specialist" if rng.random() < 0.7 else "basis"
    periods, start = [], first
    while True:
        end = add_years(start, CYCLE_YEARS) - datetime.timedelta(days=1)
        periods.append(
            PeriodPlan("active", level, start, end, "Eerste certificering" if start == first else "Herregistratie")
        )
        if end >= today:
            break
        start = end + datetime.timedelta(days=1)
        change = rng.random()
        if level == "basis" and change < 0.15:
            level = "specialist"
        elif level == "specialist" and change < 0.05:
            level = "basis"

    if expires:
        last_finished = periods[-2]
        periods = periods[:-1]
        periods.append(
            PeriodPlan(
                "expired",
                last_finished.level,
                last_finished.ends_on + datetime.timedelta(days=1),
                None,
                "Niet op tijd geherregistreerd",
            )
        )
    elif fate >= 0.97:  # struck off some time ago, during the current cycle
        current = periods[-1]
        days = (today - current.starts_on).days
        on = current.starts_on + datetime.timedelta(days=rng.randint(1, days) if days >= 1 else 0)
        if on == current.starts_on:
            periods.pop()
        else:
            current.ends_on = on - datetime.timedelta(days=1)
        periods.append(PeriodPlan("struck_off", current.level, on, None, "Besluit van de klachtencommissie"))
    elif fate >= 0.95 or fate < 0.04:  # suspended for a while: 2% now, 4% in the past
        now = fate >= 0.95
        current = periods[-1] if now else rng.choice(periods)
        span = (min(today, current.ends_on) - current.starts_on).days
        if span > 60:
            begin = current.starts_on + datetime.timedelta(days=rng.randint(30, span - 1))
            until = begin + datetime.timedelta(days=rng.randint(60, 180))
            if now:  # the suspension lasts until a decision, some weeks from now
                until = max(until, today + datetime.timedelta(days=rng.randint(14, 90)))
            else:
                until = min(until, current.ends_on - datetime.timedelta(days=1), today - datetime.timedelta(days=1))
            if until > begin:
                index = periods.index(current)
                before = PeriodPlan(
                    "active", current.level, current.starts_on, begin - datetime.timedelta(days=1), current.reason
                )
                suspended = PeriodPlan(
                    "suspended", current.level, begin, until, "Geschorst in afwachting van een besluit"
                )
                after = PeriodPlan(
                    "active", current.level, until + datetime.timedelta(days=1), current.ends_on, "Schorsing opgeheven"
                )
                periods[index : index + 1] = [before, suspended] + ([] if now else [after])
    return periods


def trainer_memberships(
    rng: random.Random, first_registered: datetime.date, periods: list[PeriodPlan], today: datetime.date
) -> list[MembershipPlan]:
    """A trainer membership from the first certification; before it often a practitioner or student
    membership. It ends with striking off or after an expired registration."""
    memberships = []
    start = first_registered
    if rng.random() < 0.4:
        earlier = first_registered - datetime.timedelta(days=rng.randint(365, 4 * 365))
        kind = rng.choice(["practitioner", "student"])
        end = first_registered - datetime.timedelta(days=1)
        memberships.append(
            MembershipPlan(
                kind,
                earlier,
                end,
                "ended",
                [("active", earlier, "Aangemeld"), ("ended", end, "Overgestapt naar trainerslid")],
            )
        )
    last = periods[-1]
    if last.status in {"struck_off", "expired"}:
        end = max(last.starts_on, start)
        status = "ended" if last.status == "struck_off" else "lapsed"
        reason = "Doorgehaald in het register" if status == "ended" else "Contributie niet betaald"
        memberships.append(
            MembershipPlan("trainer", start, end, status, [("active", start, "Gecertificeerd"), (status, end, reason)])
        )
    else:
        memberships.append(MembershipPlan("trainer", start, None, "active", [("active", start, "Gecertificeerd")]))
    return memberships


def member_memberships(rng: random.Random, today: datetime.date) -> list[MembershipPlan]:
    """Practitioners, students, institutes and honorary members; some lapsed or ended, some switched."""
    kind = rng.choices(["practitioner", "student", "institute", "honorary"], weights=[75, 15, 6, 4])[0]
    start = today - datetime.timedelta(days=rng.randint(20, 12 * 365))
    fate = rng.random()
    if kind == "student" and fate < 0.3 and (today - start).days > 800:
        switch = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 30))
        end = switch - datetime.timedelta(days=1)
        return [
            MembershipPlan(
                "student", start, end, "ended", [("active", start, "Aangemeld"), ("ended", end, "Opleiding afgerond")]
            ),
            MembershipPlan("practitioner", switch, None, "active", [("active", switch, "Overgestapt van studentlid")]),
        ]
    if fate < 0.10 and (today - start).days > 400:
        end = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 1))
        return [
            MembershipPlan(
                kind,
                start,
                end,
                "lapsed",
                [("active", start, "Aangemeld"), ("lapsed", end, "Contributie niet betaald")],
            )
        ]
    if fate < 0.20 and (today - start).days > 400:
        end = start + datetime.timedelta(days=rng.randint(365, (today - start).days - 1))
        return [
            MembershipPlan(
                kind, start, end, "ended", [("active", start, "Aangemeld"), ("ended", end, "Opgezegd door het lid")]
            )
        ]
    return [MembershipPlan(kind, start, None, "active", [("active", start, "Aangemeld")])]
