"""The pure rules read the history exactly as history.period_on does, for any set of periods."""

import datetime

from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from kring.register.history import period_on
from kring.register.models import Level, RegistrationPeriod, Status
from kring.register.rules import active_stretch, ended_on, spans

START = datetime.date(2024, 1, 1)
DAY = datetime.timedelta(days=1)


@st.composite
def histories(draw):
    periods = []
    for index in range(draw(st.integers(1, 5))):
        start = START + draw(st.integers(0, 60)) * DAY
        length = draw(st.one_of(st.none(), st.integers(0, 40)))
        periods.append(
            RegistrationPeriod(
                pk=index + 1,
                status=draw(st.sampled_from(Status.values)),
                level=draw(st.sampled_from(Level.values)),
                starts_on=start,
                ends_on=None if length is None else start + length * DAY,
                recorded_at=timezone.now() + draw(st.integers(0, 10)) * datetime.timedelta(minutes=1),
            )
        )
    return periods


def span_on(found, day):
    return next((s for s in found if s.since <= day and (s.until is None or day <= s.until)), None)


@settings(max_examples=150, deadline=None)
@given(histories())
def test_spans_agree_with_the_history_on_every_day(periods):
    found = spans(periods)
    for offset in range(-2, 110):
        day = START + offset * DAY
        period, span = period_on(periods, day), span_on(found, day)
        assert (period is None) == (span is None), day
        if period is not None:
            assert (span.status, span.level) == (period.status, period.level), day


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(-2, 110))
def test_registered_today_means_an_active_stretch_covers_today(periods, offset):
    day = START + offset * DAY
    period = period_on(periods, day)
    stretch = active_stretch(periods, day)
    registered = period is not None and period.status == Status.ACTIVE
    assert registered == (stretch is not None and stretch.since <= day)
    if registered:
        assert ended_on(periods, day) is None
        assert stretch.level == period.level


def test_it_reports_since_when_a_registration_ended():
    periods = [
        RegistrationPeriod(
            pk=1,
            status=Status.ACTIVE,
            level=Level.BASIS,
            starts_on=START,
            ends_on=START + 9 * DAY,
            recorded_at=timezone.now(),
        ),
        RegistrationPeriod(
            pk=2, status=Status.STRUCK_OFF, level=Level.BASIS, starts_on=START + 10 * DAY, recorded_at=timezone.now()
        ),
    ]
    assert ended_on(periods, START + 30 * DAY) == (START + 10 * DAY, Status.STRUCK_OFF)
    assert ended_on(periods[:1], START + 30 * DAY) == (START + 10 * DAY, Status.EXPIRED)
    assert ended_on(periods, START - DAY) is None
