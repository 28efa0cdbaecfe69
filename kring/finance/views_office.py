"""The office's money pages: the yearly run, collections with their pain.008 file, the bank."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.refusals import Refused
from kring.finance import bank as bank_import
from kring.finance import sepa, services
from kring.finance.forms import CollectionForm, ResolveForm, StatementForm, YearlyRunForm
from kring.finance.models import BankEntry, Collection, Invoice
from kring.finance.rules import euro

OFFICE = "office"


@allow(OFFICE)
def overview(request):
    open_invoices = Invoice.objects.filter(status=Invoice.Status.OPEN, kind=Invoice.Kind.INVOICE)
    context = {
        "open_count": open_invoices.count(),
        "collectable_count": sepa.collectable().count(),
        "unmatched_count": BankEntry.objects.filter(outcome=BankEntry.Outcome.UNMATCHED).count(),
        "form": YearlyRunForm(),
    }
    return render(request, "finance/office.html", context)


@allow(OFFICE)
@require_POST
def yearly_run(request):
    form = YearlyRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in a year, for example 2026."))
        return redirect("finance:office")
    invoices = services.yearly_run(form.cleaned_data["year"], by=request.user)
    messages.success(request, _("%(count)s invoices were made and e-mailed.") % {"count": len(invoices)})
    return redirect("finance:office")


@allow(OFFICE)
def collections(request):
    form = CollectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            collection = sepa.collection_create(form.cleaned_data["collection_date"], by=request.user)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.success(request, _("The collection file is made and members are told the date."))
            return redirect("finance:collection", pk=collection.pk)
    context = {
        "form": form,
        "collections": list(Collection.objects.all()[:50]),
        "collectable_count": sepa.collectable().count(),
    }
    return render(request, "finance/collections.html", context)


@allow(OFFICE)
def collection(request, pk):
    collection = get_object_or_404(Collection, pk=pk)
    if request.method == "POST":
        try:
            sepa.collection_confirm(collection, by=request.user)
            messages.success(request, _("Confirmed: first collections go on as recurring."))
        except Refused as refused:
            refusals.as_message(request, refused)
        return redirect("finance:collection", pk=pk)
    items = collection.items.select_related("invoice", "mandate").order_by("invoice__number")
    return render(
        request,
        "finance/collection.html",
        {"collection": collection, "items": list(items), "total": euro(collection.total_cents)},
    )


@allow(OFFICE)
def collection_file(request, pk):
    collection = get_object_or_404(Collection, pk=pk)
    response = HttpResponse(collection.xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{collection.message_id}.xml"'
    return response


@allow(OFFICE)
def bank(request):
    form = StatementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            statement = bank_import.statement_import(form.cleaned_data["file"].read(), by=request.user)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.success(
                request, _("The statement is imported: %(count)s new entries.") % {"count": statement.entry_count}
            )
            return redirect("finance:bank")
    unmatched = BankEntry.objects.filter(outcome=BankEntry.Outcome.UNMATCHED).select_related("invoice")
    return render(request, "finance/bank.html", {"form": form, "unmatched": list(unmatched[:200])})


@allow(OFFICE)
def bank_entry(request, pk):
    entry = get_object_or_404(BankEntry, pk=pk)
    form = ResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bank_import.entry_resolve(
                entry, invoice=form.cleaned_data["invoice"], note=form.cleaned_data["note"], by=request.user
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.success(request, _("The entry is dealt with."))
            return redirect("finance:bank")
    return render(request, "finance/bank_entry.html", {"entry": entry, "form": form})
