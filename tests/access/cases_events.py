"""Events: the list, pages and calendar files are public; registering needs a login (members' events
a membership); a registration, an offer and a certificate open at their secret address; the office's
pages only for the office; the attendance list for the office and the event's host."""

import datetime

from django.utils import timezone

from kring.events import services
from kring.events.tests.helpers import full_event, join_waiting, make_event, make_member, register
from tests.access.matrix import EVERYONE, LOGGED_IN, MEMBERS, Case

OFFICE = frozenset({"office"})
HOST = frozenset({"office", "trainer"})


def event(personas):
    return {"pk": make_event(audience="public").pk}


def members_event(personas):
    return {"pk": make_event().pk}


def registration_token(personas):
    return {"token": register(make_event(), make_member()).token}


def visitor_token(personas):
    item = services.visitor_register(make_event(audience="public").pk, name="Gast", email="g@example.org", mode="live")
    return {"token": item.token}


def today_event(personas):
    now = timezone.now()
    return make_event(
        starts_at=now - datetime.timedelta(minutes=20),
        registration_closes_at=now + datetime.timedelta(hours=2),
        host=personas["trainer"],
    )


def attended_token(personas):
    item = register(today_event(personas), make_member())
    services.attendance_checkin(item.pk, by=None)
    return {"token": item.token}


def checkin_token(personas):
    return {"token": register(today_event(personas), make_member()).token}


def certificate_code(personas):
    item = register(today_event(personas), make_member())
    return {"code": services.attendance_checkin(item.pk, by=None).certificate_code}


def offer_token(personas):
    full, (taken,) = full_event(1)
    entry = join_waiting(full, make_member())
    services.registration_cancel(taken.pk, by=None, by_office=True)
    entry.refresh_from_db()
    return {"token": entry.token}


def visitor_waiting_token(personas):
    """A visitor's place on the waiting list of a full public event, left with the link alone."""
    event, _taken = full_event(audience="public")
    entry = services.visitor_waiting_join(event.pk, name="Vera", email="vera@example.org", mode="live")
    return {"token": entry.token}


def my_waiting_entry(personas):
    full, _taken = full_event(1)
    return {"pk": join_waiting(full, personas["member"]).pk}


def hosted_event(personas):
    return {"pk": today_event(personas).pk}


def registration_pk(personas):
    return {"pk": register(make_event(), make_member()).pk}


def paid_registration_pk(personas):
    from decimal import Decimal

    return {"pk": register(make_event(price_member=Decimal("10")), make_member()).pk}


def hosted_registration_pk(personas):
    return {"pk": register(today_event(personas), make_member()).pk}


CASES = [
    Case("events:list", EVERYONE),
    Case("events:list", EVERYONE, query="?kind=congress&mode=live&month=2026-09&postcode=3512&country=NL&distance=25"),
    Case("events:list", EVERYONE, query="?postcode=0000&month=13"),
    Case("events:feed", EVERYONE),
    Case("events:detail", EVERYONE, kwargs=event),
    Case("events:detail", EVERYONE, kwargs=members_event),
    Case("events:event_ics", EVERYONE, kwargs=event),
    Case("events:register", LOGGED_IN, kwargs=event),
    Case("events:register", MEMBERS, kwargs=members_event),
    Case("events:visitor_register", EVERYONE, kwargs=event),
    Case("events:verify", EVERYONE, kwargs=visitor_token),
    Case("events:registration", EVERYONE, kwargs=registration_token),
    Case("events:registration_ics", EVERYONE, kwargs=registration_token),
    Case("events:registration_cancel", EVERYONE, kwargs=registration_token, method="post", ok=(302,)),
    Case("events:checkin", EVERYONE, kwargs=checkin_token, method="post", data={"code": "XXXXXX"}, ok=(302, 429)),
    Case("events:certificate", EVERYONE, kwargs=attended_token),
    Case("events:certificate_check", EVERYONE, kwargs=certificate_code),
    Case("events:offer", EVERYONE, kwargs=offer_token),
    Case("events:offer_accept", EVERYONE, kwargs=offer_token, method="post", ok=(302, 409)),
    Case("events:offer_decline", EVERYONE, kwargs=offer_token, method="post", ok=(302, 409)),
    Case("events:waiting_leave_link", EVERYONE, kwargs=visitor_waiting_token, method="post", ok=(302, 409)),
    Case("events:mine", LOGGED_IN),
    Case("events:waiting_leave", frozenset({"member"}), kwargs=my_waiting_entry, method="post", ok=(302,)),
    Case("events:office_list", OFFICE),
    Case("events:office_event", OFFICE, kwargs=event),
    Case("events:office_export", OFFICE, kwargs=event),
    Case("events:office_export_xlsx", OFFICE, kwargs=event),
    Case("events:office_message", OFFICE, kwargs=event),
    Case("events:office_register", OFFICE, kwargs=event, method="post", data={"email": "x@example.org"}, ok=(302,)),
    Case("events:office_cancel", OFFICE, kwargs=registration_pk, method="post", ok=(302,)),
    Case("events:office_paid", OFFICE, kwargs=paid_registration_pk, method="post", ok=(302,)),
    Case("events:attendance", HOST, kwargs=hosted_event),
    Case("events:attendance_checkin", HOST, kwargs=hosted_registration_pk, method="post", ok=(302,)),
]
