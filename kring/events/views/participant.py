"""A participant's pages: the registration (at its secret address, also for visitors), the offer
from the waiting list, self check-in, the certificate, and "my events"."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from kring.core import refusals
from kring.core.access import PUBLIC, allow
from kring.core.refusals import Refused
from kring.events import certificates, ical, payments, queries, services
from kring.events.forms import CheckinForm
from kring.events.models import HOLDING, Mode, Registration, WaitingEntry, WaitingStatus
from kring.events.views import MEMBERS, person_or_none
from kring.members.people import person_of


def _registration(token: str) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event", "person"), token=token)


@allow(PUBLIC)
def registration(request, token):
    """The address in every e-mail: what the participant registered for, and what they can do."""
    return registration_page(request, _registration(token), now=timezone.now())


def registration_page(request, item: Registration, *, now) -> HttpResponse:
    event = item.event
    return render(
        request,
        "events/registration.html",
        {
            "registration": item,
            "event": event,
            "show_link": item.is_active and item.mode == Mode.ONLINE,
            "may_cancel": item.status in HOLDING and not item.attended and now < event.cancel_deadline,
            "checkin": event.checkin_state(now) if item.is_active and not item.attended else "",
            "reference": payments.format_reference(item.payment_reference),
            "checkin_form": CheckinForm(),
        },
    )


@allow(PUBLIC)
def registration_ics(request, token):
    item = _registration(token)
    if not item.is_active:
        raise Http404
    response = HttpResponse(ical.registration_calendar(item), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{item.event_id}.ics"'
    return response


@allow(PUBLIC)
@require_POST
def registration_cancel(request, token):
    item = _registration(token)
    try:
        services.registration_cancel(item.pk, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("Your registration is cancelled. Your place goes to the waiting list."))
    return redirect("events:registration", token=token)


def _checkin_key(group, request):
    return request.resolver_match.kwargs.get("token", "")


@allow(PUBLIC)
@require_POST
def checkin(request, token):
    """Self check-in with the code shown at the event. Guessing is slowed down per registration
    (KRING_CHECKIN_RATE) and per client address, so a code of six characters cannot be found by trying."""
    item = _registration(token)
    limited = is_ratelimited(
        request, group="events:checkin", key=_checkin_key, rate=settings.KRING_CHECKIN_RATE, increment=True
    ) or is_ratelimited(request, group="events:checkin-ip", key="ip", rate="60/h", increment=True)
    if limited:
        response = render(request, "events/too_many_tries.html", {"registration": item}, status=429)
        response["Retry-After"] = "600"
        return response
    form = CheckinForm(request.POST)
    if form.is_valid():
        try:
            services.attendance_self(token, code=form.cleaned_data["code"])
        except Refused as refused:
            refusals.as_message(request, refused)
        else:
            messages.info(request, _("Welcome! You are checked in. Your certificate is ready below."))
    return redirect("events:registration", token=token)


@allow(PUBLIC)
def certificate(request, token):
    item = _registration(token)
    if not item.attended:
        raise Http404
    response = HttpResponse(certificates.certificate_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-event-{item.event_id}.pdf"'
    return response


@allow(PUBLIC)
def certificate_check(request, code):
    """The page the certificate's QR code opens: it confirms the certificate, or says it is unknown."""
    item = (
        Registration.objects.filter(certificate_code=code, attended_at__isnull=False)
        .exclude(certificate_code="")
        .select_related("event")
        .first()
    )
    return render(request, "events/certificate_check.html", {"registration": item}, status=200 if item else 404)


def _offer(token: str) -> WaitingEntry:
    return get_object_or_404(WaitingEntry.objects.select_related("event", "person"), token=token)


@allow(PUBLIC)
def offer(request, token):
    entry = _offer(token)
    return render(request, "events/offer.html", {"entry": entry, "event": entry.event, "now": timezone.now()})


@allow(PUBLIC)
@require_POST
def offer_answer(request, token, accept):
    """One click on the offer's page. Someone else who is logged in cannot answer it; the link alone
    (from the e-mail) is enough for the person it was sent to."""
    _offer(token)
    person = person_or_none(request.user)
    try:
        if accept:
            item = services.offer_accept(token, person=person, by=request.user)
        else:
            services.offer_decline(token, person=person, by=request.user)
    except Refused as refused:
        return render(request, "core/refused.html", {"message": str(refused)}, status=409)
    if accept:
        messages.info(request, _("The place is yours. The confirmation is in your mailbox."))
        return redirect("events:registration", token=item.token)
    messages.info(request, _("Thank you for letting us know. The place goes to the next person."))
    return redirect("events:list")


@allow(PUBLIC)
@require_POST
def waiting_leave_link(request, token):
    """A visitor leaves the waiting list with the link from their e-mail."""
    try:
        services.visitor_waiting_leave(token)
    except Refused as refused:
        return render(request, "core/refused.html", {"message": str(refused)}, status=409)
    messages.info(request, _("You left the waiting list."))
    return redirect("events:list")


@allow(*MEMBERS, "user")
def mine(request):
    person = person_of(request.user)
    registrations = list(
        Registration.objects.filter(person=person)
        .exclude(status="expired")
        .select_related("event")
        .order_by("-event__starts_at")
    )
    waiting = list(
        WaitingEntry.objects.filter(person=person, status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED])
        .select_related("event")
        .order_by("event__starts_at")
    )
    for entry in waiting:
        entry.position = queries.position_in_line(entry) if entry.status == WaitingStatus.WAITING else None
    now = timezone.now()
    return render(
        request,
        "events/mine.html",
        {
            "upcoming": [r for r in registrations if r.event.ends_at >= now and r.status in HOLDING],
            "past": [r for r in registrations if r.event.ends_at < now or r.status not in HOLDING],
            "waiting": waiting,
        },
    )


@allow(*MEMBERS, "user")
@require_POST
def waiting_leave(request, pk):
    person = person_of(request.user)
    get_object_or_404(WaitingEntry, pk=pk, person=person)
    try:
        services.waiting_leave(pk, person=person, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("You left the waiting list."))
    return redirect("events:mine")
