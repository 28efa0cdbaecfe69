"""My invoices and my mandate, under "Beheer mijn gegevens". Only one's own: another person's id is 404."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kring.core import refusals
from kring.core.access import USER, allow
from kring.core.refusals import Refused
from kring.finance import documents, sepa
from kring.finance.forms import MandateForm
from kring.finance.models import Invoice, Mandate
from kring.members.people import person_of


@allow(USER)
def my_invoices(request):
    person = person_of(request.user)
    context = {
        "person": person,
        "tab": "invoices",
        "invoices": list(person.invoices.order_by("-issued_on", "-number")),
        "mandates": list(person.mandates.order_by("-signed_on", "-pk")),
    }
    return render(request, "finance/my_invoices.html", context)


@allow(USER)
def invoice_pdf(request, pk):
    invoice = get_object_or_404(Invoice.objects.select_related("person"), pk=pk, person=person_of(request.user))
    response = HttpResponse(documents.invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{invoice.number}.pdf"'
    return response


@allow(USER)
def mandate(request, pk):
    person = person_of(request.user)
    mandate = get_object_or_404(Mandate, pk=pk, person=person)
    return render(request, "finance/my_mandate.html", {"person": person, "mandate": mandate, "tab": "invoices"})


@allow(USER)
def mandate_new(request):
    """Sign a new mandate (also: change my IBAN). The earlier mandate ends; its IBAN stays in the list."""
    person = person_of(request.user)
    form = MandateForm(request.POST or None, initial={"holder_name": person.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            sepa.mandate_sign(
                person,
                iban=form.cleaned_data["iban"],
                holder_name=form.cleaned_data["holder_name"],
                signed_on=timezone.localdate(),
                by=request.user,
                online=True,
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.success(request, _("Your mandate is signed. We collect from this account from now on."))
            return redirect("finance:my_invoices")
    return render(
        request,
        "finance/mandate_new.html",
        {"person": person, "form": form, "mandate_text": sepa.mandate_text(), "tab": "invoices"},
    )
