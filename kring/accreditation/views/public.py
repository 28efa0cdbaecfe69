"""The public list of accredited programmes and a page per programme, with a QR code to verify it,
and the office's page to suspend, withdraw or reinstate an accreditation."""

from __future__ import annotations

import segno
from django import forms as django_forms
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kring.accreditation import history
from kring.accreditation.models import AccreditationPeriod, Programme, Status
from kring.accreditation.services import decisions
from kring.core.access import PUBLIC, allow
from kring.core.refusals import Refused, on_form

SHOWN = (Status.ACTIVE, Status.SUSPENDED)


def _programmes():
    periods = Prefetch("periods", queryset=AccreditationPeriod.objects.order_by("starts_on"))
    return (
        Programme.objects.select_related("institute").prefetch_related(periods).filter(periods__isnull=False).distinct()
    )


def qr_svg(url: str):
    """An inline SVG QR code for ``url`` (the URL is printed next to it as well)."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, title=url))  # nosec B308 B703 # segno escapes the title


@allow(PUBLIC)
def public_list(request):
    today = timezone.localdate()
    rows = []
    for programme in _programmes().order_by("name"):
        period = history.current_period(programme, today)
        if period is not None and period.status in SHOWN:
            rows.append((programme, period))
    return render(request, "accreditation/public_list.html", {"rows": rows})


@allow(PUBLIC)
def public_programme(request, slug):
    programme = get_object_or_404(_programmes(), slug=slug)
    today = timezone.localdate()
    url = request.build_absolute_uri(reverse("accreditation:public_programme", kwargs={"slug": slug}))
    context = {
        "programme": programme,
        "status": history.status_on(programme, today),
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
