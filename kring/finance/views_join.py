"""Becoming a member: the public page with the office's text (core's "membership" page), the types and
fees and the application; the office's list."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import public_pages, refusals
from kring.core.access import PUBLIC, allow
from kring.core.refusals import Refused
from kring.finance import joining, sepa
from kring.finance.forms import ApplicationForm
from kring.finance.models import Application
from kring.members.people import person_of


@allow(PUBLIC)
def join(request):
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    person = person_of(request.user) if request.user.is_authenticated else None
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            joining.application_submit(
                person,
                type=data["type"],
                by=request.user,
                pays_by_mandate=data["pays_by_mandate"],
                holder_name=data["holder_name"],
                iban=data["iban"],
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.success(request, _("Thank you. The office looks at your application soon."))
            return redirect("finance:join")
    waiting = person.membership_applications.filter(status=Application.Status.REQUESTED).first() if person else None
    context = {
        "page": public_pages.page("membership"),
        "fees": joining.fees_for(timezone.localdate().year),
        "form": form,
        "waiting": waiting,
        "mandate_text": sepa.mandate_text(),
        "is_member": bool(person and person.memberships.current().exists()),
    }
    return render(request, "finance/join.html", context)


@allow("office")
def applications(request):
    waiting = Application.objects.filter(status=Application.Status.REQUESTED).select_related("person", "type")
    return render(request, "finance/applications.html", {"applications": list(waiting), "tab": "applications"})


@allow("office")
@require_POST
def application_decide(request, pk):
    application = get_object_or_404(Application, pk=pk)
    try:
        if request.POST.get("decision") == "accept":
            joining.application_accept(application, by=request.user)
            messages.success(request, _("The membership has started."))
        else:
            joining.application_decline(application, by=request.user)
            messages.success(request, _("The application is declined."))
    except Refused as refused:
        refusals.as_message(request, refused)
    return redirect("finance:applications")
