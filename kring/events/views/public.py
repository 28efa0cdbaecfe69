"""The public pages: the list of upcoming events, an event's page, the calendar feed and files."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import refusals
from kring.core.access import PUBLIC, USER, allow, roles_of
from kring.core.refusals import Refused
from kring.events import ical, payments, queries, rules, services
from kring.events.forms import FilterForm, RegisterForm, VisitorForm
from kring.events.models import Audience, Event, Mode, PriceGroup, Registration
from kring.events.views import person_or_none
from kring.members.people import person_of


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@allow(PUBLIC)
def event_list(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return render(request, "events/list.html", {"form": form, "events": queries.upcoming(filters)})


@allow(PUBLIC)
def event_detail(request, pk):
    event = queries.event_for_page(pk)
    person = person_or_none(request.user)
    registration = queries.registration_of(event, person)
    context = {
        "event": event,
        "registration": registration,
        "waiting": queries.waiting_of(event, person),
        "sessions": list(event.sessions.all()),
        "may_register": rules.audience_allows(event, roles_of(request.user)),
        "is_open": event.registration_open(),
        # The link only for a confirmed online place: never in the page of anyone else.
        "show_link": bool(registration and registration.is_active and registration.mode == Mode.ONLINE),
        "page_url": ical.page_url(event),
        "prices": _prices(event),
        "now": timezone.now(),
    }
    return render(request, "events/detail.html", context)


def _prices(event: Event) -> list[tuple[str, object, object]]:
    rows = []
    for group in PriceGroup:
        normal, early = (getattr(event, name) for name in payments.PRICE_FIELDS[group])
        if event.audience != Audience.PUBLIC and group == PriceGroup.NON_MEMBER:
            continue
        rows.append((group.label, normal, early))
    return rows


@allow(PUBLIC)
def feed(request):
    events = Event.objects.published().filter(audience=Audience.PUBLIC).order_by("starts_at")[:500]
    return _calendar_response(ical.events_calendar(events, _("Events")), "events.ics")


@allow(PUBLIC)
def event_ics(request, pk):
    event = queries.event_for_page(pk)
    return _calendar_response(ical.events_calendar([event], event.title), f"event-{event.pk}.ics")


@allow(USER)
def register(request, pk):
    """Two steps: choose (mode, places, sessions), then confirm with the price shown; only the
    second POST registers."""
    event = queries.event_for_page(pk)
    person = person_of(request.user)
    if not rules.audience_allows(event, roles_of(request.user)):
        return render(request, "core/refused.html", {"message": rules.NOT_FOR_YOU[event.audience]}, status=403)
    form = RegisterForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "confirm" not in request.POST:
            group = rules.price_group(services.membership_codes(person))
            amount = payments.price(event, group, timezone.localdate()) * data["places"]
            free = event.free.get(data["mode"], 0) >= data["places"]
            return render(
                request, "events/register_confirm.html", {"event": event, "form": form, "amount": amount, "free": free}
            )
        try:
            if "wait" in request.POST:
                services.waiting_join(
                    event.pk,
                    person=person,
                    roles=roles_of(request.user),
                    mode=data["mode"],
                    places=data["places"],
                    by=request.user,
                )
                messages.info(request, _("You are on the waiting list. We e-mail you when a place comes free."))
                return redirect("events:mine")
            registration = services.register(
                event.pk,
                person=person,
                roles=roles_of(request.user),
                mode=data["mode"],
                places=data["places"],
                sessions=data.get("sessions") or [],
                by=request.user,
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("You are registered. The confirmation is in your mailbox."))
            return redirect("events:registration", token=registration.token)
    return render(request, "events/register.html", {"event": event, "form": form})


@allow(PUBLIC)
def visitor_register(request, pk):
    event = queries.event_for_page(pk)
    if not event.is_public:
        return render(request, "core/refused.html", {"message": rules.NOT_FOR_YOU[event.audience]}, status=403)
    form = VisitorForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = {
            "name": data["name"],
            "email": data["email"],
            "mode": data["mode"],
            "language": request.LANGUAGE_CODE,
            "country": data.get("country") or "NL",
        }
        waits = "wait" in request.POST
        try:
            (services.visitor_waiting_join if waits else services.visitor_register)(event.pk, **details)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            done = "events/visitor_waiting.html" if waits else "events/visitor_sent.html"
            return render(request, done, {"event": event, "email": data["email"]})
    full = not any(event.free.get(mode, 0) for mode in event.modes)
    return render(request, "events/visitor.html", {"event": event, "form": form, "full": full})


@allow(PUBLIC)
def verify(request, token):
    """The link in the visitor's e-mail opens a page with one button: GET never changes anything."""
    registration = Registration.objects.filter(token=token).select_related("event").first()
    if request.method == "POST":
        try:
            registration = services.visitor_verify(token)
        except Refused as refused:
            return render(request, "core/refused.html", {"message": str(refused)}, status=409)
        messages.info(request, _("Thank you: your place is confirmed. The confirmation is in your mailbox."))
        return redirect("events:registration", token=registration.token)
    # An unknown link says so, and answers 404 like every link that leads nowhere.
    return render(request, "events/verify.html", {"registration": registration}, status=200 if registration else 404)
