"""Calendar feeds (iCal) of a group's meetings and of all my meetings, at secret addresses."""

from __future__ import annotations

import datetime

import icalendar
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import links
from kring.core.access import PUBLIC, allow
from kring.core.downloads import file_name, name_download
from kring.intervision import feeds, queries, services
from kring.intervision.models import GroupMember, MemberFeed
from kring.intervision.views import MEMBERS
from kring.members.people import person_of


def _calendar(name: str, meetings) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kring//Intervisie//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # Ask calendar clients to look again every few hours, so changed meetings arrive.
    calendar.add("x-published-ttl", "PT6H")
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", f"intervision-meeting-{meeting.pk}@kring")
        event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
        event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
        event.add("summary", _("Intervision: %(group)s") % {"group": meeting.group.name})
        event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
        if meeting.location:
            event.add("location", meeting.location)
        description = [meeting.get_method_display()]
        if meeting.link:
            description.append(meeting.link)
            event.add("url", meeting.link)
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()


def _response(body: bytes, filename: str) -> HttpResponse:
    """A feed for calendar apps to subscribe to; opened in a browser it saves as a named .ics file."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name_download(response, filename, inline=True)
    response["Cache-Control"] = "private, max-age=900"
    return response


@allow(PUBLIC)
def group_feed(request, token):
    membership = feeds.membership_of_token(token)
    if membership is None:
        raise Http404
    group = membership.group
    return _response(
        _calendar(group.name, group.meetings.select_related("group")), file_name(f"intervision-{group.name}", ".ics")
    )


@allow(PUBLIC)
def member_feed(request, token):
    feed = MemberFeed.objects.filter(token=token).select_related("person").first()
    if feed is None:
        raise Http404
    meetings = feeds.meetings_of_current_groups(feed.person).select_related("group").order_by("starts_at")
    return _response(_calendar(_("My intervision"), meetings), "intervision.ics")


@allow(*MEMBERS)
def calendar(request):
    person = person_of(request.user)
    feed = MemberFeed.objects.filter(person=person).first()
    groups = queries.my_groups(person)
    memberships = {m.group_id: m for m in GroupMember.objects.filter(person=person, left_on__isnull=True)}
    base = links.site_url()
    for group in groups:
        memberships[group.pk].group = group
        token = feeds.group_feed_token(memberships[group.pk])
        group.feed_url = base + reverse("intervision:group_feed", kwargs={"token": token})
    return render(
        request,
        "intervision/calendar.html",
        {
            "feed_url": base + reverse("intervision:member_feed", kwargs={"token": feed.token}) if feed else "",
            "groups": groups,
            "me": person,
        },
    )


@allow(*MEMBERS)
@require_POST
def feed_regenerate(request):
    group = None
    if request.POST.get("group"):
        if not request.POST["group"].isdigit():
            raise Http404
        group = queries.group_for_coordinator(request.user, int(request.POST["group"]))
    services.feed_regenerate(by=request.user, group=group)
    messages.info(request, _("The calendar has a new address. The old address no longer works."))
    return redirect("intervision:calendar")


@allow(*MEMBERS)
@require_POST
def feed_revoke(request):
    services.feed_revoke(by=request.user)
    messages.info(request, _("Your personal calendar address is switched off."))
    return redirect("intervision:calendar")
