import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.core.access import USER, allow
from kring.core.refusals import Refused, as_message
from kring.members import history, services
from kring.members.models import ErasureRequest
from kring.members.people import person_of


@allow(USER)
def privacy(request):
    person = person_of(request.user)
    open_erasure = person.erasure_requests.filter(status=ErasureRequest.Status.REQUESTED).first()
    return render(request, "members/privacy.html", {"person": person, "open_erasure": open_erasure, "tab": "privacy"})


@allow(USER)
def export(request):
    person = person_of(request.user)
    data = services.person_export(person, by=request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="kring-my-data-{timezone.localdate():%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store"
    return response


@allow(USER)
@require_http_methods(["GET", "POST"])
def erasure(request):
    person = person_of(request.user)
    if request.method == "POST":
        services.erasure_request(person, by=request.user)
        messages.success(request, _("We have received your request. The office will contact you."))
        return redirect("members:erasure")
    open_erasure = person.erasure_requests.filter(status=ErasureRequest.Status.REQUESTED).first()
    return render(request, "members/erasure.html", {"person": person, "open_erasure": open_erasure, "tab": "privacy"})


@allow(USER)
@require_POST
def erasure_withdraw(request):
    """Take back my request while the office has not handled it; once handled, say so kindly."""
    person = person_of(request.user)
    latest = person.erasure_requests.first()
    if latest is None:
        messages.info(request, _("You have not asked us to erase your data, so there is nothing to withdraw."))
        return redirect("members:erasure")
    try:
        services.erasure_withdraw(latest, by=request.user)
    except Refused as refused:
        as_message(request, refused)
        return redirect("members:erasure")
    messages.success(request, _("You have withdrawn your request. We will not erase your data."))
    return redirect("members:erasure")


@allow(USER)
def audit_history(request):
    person = person_of(request.user)
    page = Paginator(history.entries_about(person), 25).get_page(request.GET.get("page"))
    rows = [history.describe(entry, person) for entry in page]
    return render(request, "members/history.html", {"person": person, "page": page, "rows": rows, "tab": "privacy"})
