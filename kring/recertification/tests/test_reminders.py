"""Reminders: a year, six months and a month before a cycle ends; never twice, never more."""

import datetime

from kring.recertification import rules
from kring.recertification.models import ReminderSent
from kring.recertification.tasks import send_cycle_reminders


def run(on):
    return send_cycle_reminders.call(today=on.isoformat())


def test_it_sends_each_reminder_once(trainer, cycle, mailoutbox):
    end = cycle.ends_on
    assert run(end - datetime.timedelta(days=400)) == 0
    assert run(end - datetime.timedelta(days=365)) == 1
    assert run(end - datetime.timedelta(days=364)) == 0
    assert run(end - datetime.timedelta(days=183)) == 1
    assert run(end - datetime.timedelta(days=31)) == 1
    assert run(end - datetime.timedelta(days=1)) == 0
    assert len(mailoutbox) == 3
    assert set(ReminderSent.objects.values_list("kind", flat=True)) == {"year", "six_months", "one_month"}


def test_it_sends_only_the_latest_due_reminder_when_it_starts_late(trainer, cycle, mailoutbox):
    assert run(cycle.ends_on - datetime.timedelta(days=20)) == 1
    assert run(cycle.ends_on - datetime.timedelta(days=19)) == 0
    assert len(mailoutbox) == 1
    assert ReminderSent.objects.filter(skipped=True).count() == 2


def test_the_rule_sends_nothing_after_the_end():
    end = datetime.date(2030, 1, 1)
    assert rules.reminder_due(end, end + datetime.timedelta(days=1), set()) == (None, [])
    assert rules.reminder_due(end, end - datetime.timedelta(days=100), {"year"}) == ("six_months", [])
