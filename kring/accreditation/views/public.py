"""The public list of accredited programmes and a page per programme, with a QR code to verify it,
and the office's page to suspend, withdraw or reinstate an accreditation."""

from __future__ import annotations

import segno
from django import forms as django_forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from kring.accreditation import finding, forms, history
from kring.accreditation.models import Programme, Status
from kring.accreditation.services import decisions
from kring.core.access import PUBLIC, allow
from kring.core.refusals import Refused, on_form
from kring.register import search


def _programmes():
    return finding.with_page_data().filter(periods__isnull=False).distinct()


def qr_svg(url: str):
    """An inline SVG QR code for ``url`` (the URL is printed next to it as well)."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, title=url))  # nosec B308 B703 # segno escapes the title


def _page_number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 7 else 1


@require_GET
@allow(PUBLIC)
def public_list(request):
    """Accredited programmes, found by place, online and language (every filter in the URL);
    without filters every programme accredited today, soonest start first."""
    today = timezone.localdate()
    form = forms.ProgrammeSearchForm(request.GET)
    results = finding.find(form.criteria(_page_number(request.GET.get("page"))), today) if form.is_valid() else None
    kept = request.GET.copy()
    kept.pop("page", None)
    cards = [
        {
            "programme": found.programme,
            "next_start": found.next_start,
            "period": history.current_period(found.programme, today),
            "distance": _("%(km)s km away") % {"km": floatformat(found.distance_km, 1)}
            if found.distance_km is not None
            else "",
        }
        for found in (results.results if results else [])
    ]
    context = {
        "form": form,
        "results": results,
        "cards": cards,
        "searched": bool(request.GET),
        "base_query": kept.urlencode() + "&" if kept else "",
        "first_number": (results.page - 1) * search.PAGE_SIZE + 1 if results else 1,
    }
    return render(request, "accreditation/public_list.html", context)


@allow(PUBLIC)
def public_programme(request, slug):
    programme = get_object_or_404(_programmes(), slug=slug)
    today = timezone.localdate()
    url = request.build_absolute_uri(reverse("accreditation:public_programme", kwargs={"slug": slug}))
    context = {
        "programme": programme,
        "status": history.status_on(programme, today),
        "next_start": programme.next_start if programme.next_start and programme.next_start >= today else None,
        "period": history.current_period(programme, today),
        "history": list(programme.periods.all()),
        "url": url,
        "qr_svg": qr_svg(url),
    }
    return render(request, "accreditation/public_programme.html", context)


class StatusForm(django_forms.Form):
    status = django_forms.ChoiceField(
        label=gettext_lazy("New status"),
        choices=[
            (Status.SUSPENDED, Status.SUSPENDED.label),
            (Status.WITHDRAWN, Status.WITHDRAWN.label),
            (Status.ACTIVE, Status.ACTIVE.label),
        ],
        widget=django_forms.RadioSelect,
    )
    reason = django_forms.CharField(label=gettext_lazy("Reason"), max_length=300)


@allow("office")
def programme_status(request, pk):
    programme = get_object_or_404(Programme.objects.select_related("institute"), pk=pk)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.status_change(programme, **form.cleaned_data, by=request.user)
            messages.success(request, _("The status has been changed."))
            return redirect("accreditation:programme_status", pk=programme.pk)
        except Refused as refused:
            on_form(form, refused)
    periods = programme.periods.order_by("starts_on", "recorded_at")
    return render(
        request, "accreditation/programme_status.html", {"programme": programme, "form": form, "periods": periods}
    )
