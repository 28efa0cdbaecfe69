"""Every date field in Kring, filled in Chromium in Dutch: the value the form starts with shows
(a browser drops a type=date value that is not ISO and then blocks the submit), and the form goes through.

The date forms: the office's six status actions on registrations (suspend, reinstate, strike off,
expire, renew, change level) and its new-registration form, the CPD activity (new and changed), the
committee's decision (cycle extended until), the first-certification application, and the
intervision meeting (date and time)."""

import datetime

from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from kring.intervision.tests.helpers import make_group, make_past_meeting
from kring.register.models import Registration, Status
from tests import factories as t


def log_in(page, live_server, person):
    client = Client()
    client.force_login(person.user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _date_inputs_show_their_values(page) -> int:
    """Every date input that has a value in the HTML still has it in the browser; returns how many."""
    shown = 0
    for field in page.locator("input[type=date], input[type=datetime-local]").all():
        written = field.get_attribute("value")
        if written:
            assert field.input_value() == written, (field.get_attribute("name"), written)
            shown += 1
    return shown


def test_the_office_suspends_reinstates_and_renews_in_chromium(transactional_db, page, live_server, office, trainer):
    page.set_default_timeout(45000)  # the admin's list is the slowest page on a busy machine
    log_in(page, live_server, office)
    registration = Registration.objects.get(person=trainer)
    today = timezone.localdate().isoformat()
    for action in ("suspend", "reinstate", "renew"):
        page.goto("/bureau/register/registration/")
        page.check(f"input[name=_selected_action][value='{registration.pk}']")
        page.select_option("select[name=action]", action)
        page.locator("button[name=index]").click()
        on = page.locator("input[name=on]")
        assert on.get_attribute("type") == "date"
        assert on.input_value() == today, action  # empty before: "02-12-2026" is no value for type=date
        page.fill("input[name=reason]", f"Toets {action}")
        page.get_by_role("button", name="Toepassen").click()
        assert page.locator("input[name=on]").count() == 0, action  # the form went through
    statuses = list(registration.periods.order_by("recorded_at", "pk").values_list("status", flat=True))
    assert Status.SUSPENDED in statuses and statuses[-1] == Status.ACTIVE
    page.goto("/bureau/register/registration/add/")
    assert _date_inputs_show_their_values(page) == 1


def test_the_trainers_and_committees_date_forms(transactional_db, page, live_server, trainer, certification):
    from kring.recertification import defaults

    defaults.load()
    activity = t.add_activity(
        trainer,
        kind="supervision",
        hours=2,
        description="Supervisie",
        date=timezone.localdate() - datetime.timedelta(days=3),
    )
    log_in(page, live_server, trainer)
    page.goto(f"/herregistratie/activiteiten/{activity.pk}/wijzigen/")
    assert page.locator("input[name=date]").input_value() == activity.date.isoformat()
    page.get_by_role("button", name="Opslaan").click()
    assert "/wijzigen/" not in page.url
    page.goto("/herregistratie/activiteiten/nieuw/")
    page.fill("input[name=date]", timezone.localdate().isoformat())
    assert page.locator("input[name=date]").input_value() == timezone.localdate().isoformat()

    group = make_group(trainer, members=1)
    meeting = make_past_meeting(group, days_ago=2)
    page.goto(f"/intervisie/bijeenkomsten/{meeting.pk}/wijzigen/")
    starts = page.locator("input[name=starts_at]")
    assert starts.input_value() == timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M")
    page.get_by_role("button", name="Opslaan").click()
    assert page.url.rstrip("/").endswith(f"/bijeenkomsten/{meeting.pk}")
