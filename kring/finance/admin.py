"""Finance in the office's admin: fees and reductions are edited here (through the services);
invoices, mandates, collections and the bank are read here and changed only by the actions below."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin
from kring.core.refusals import Refused
from kring.finance import sepa, services
from kring.finance.models import BankEntry, Charge, Collection, Fee, Invoice, InvoiceLine, Mandate, Reduction, Statement


class NoDelete:
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Fee)
class FeeAdmin(NoDelete, OfficeModelAdmin):
    list_display = ["type", "year", "amount_cents", "vat_rate", "pro_rata"]
    list_filter = ["year", "type"]

    def save_model(self, request, obj, form, change):
        services.fee_save(obj, by=request.user)


@admin.register(Reduction)
class ReductionAdmin(NoDelete, OfficeModelAdmin):
    list_display = ["person", "year", "percent", "reason"]
    autocomplete_fields = ["person"]
    list_filter = ["year"]

    def save_model(self, request, obj, form, change):
        services.reduction_save(obj, by=request.user)


class LineInline(admin.TabularInline):
    model = InvoiceLine
    extra = 0
    fields = readonly_fields = ["description", "amount_cents", "vat_rate", "vat_cents", "vat_exemption"]
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_add_permission


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyOfficeAdmin):
    list_display = [
        "number",
        "kind",
        "buyer_name",
        "issued_on",
        "total_cents",
        "paid_cents",
        "status",
        "method",
        "disputed",
    ]
    list_filter = ["status", "kind", "method", "disputed"]
    search_fields = ["number", "buyer_name", "reference"]
    inlines = [LineInline]
    actions = ["credit", "mark_disputed", "clear_disputed"]

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        # Actions work on invoices the office may not edit: allow them to whoever may view.
        return {name: value for name, value in super().get_actions(request).items() if name != "delete_selected"}

    @admin.action(description=_("Credit the selected invoices (credit note)"))
    def credit(self, request, queryset):
        for invoice in queryset:
            try:
                services.invoice_credit(invoice, by=request.user, reason=str(_("Credited by the office")))
            except Refused as refused:
                self.message_user(request, f"{invoice.number}: {refused}", messages.WARNING)

    @admin.action(description=_("Mark as disputed (no reminders)"))
    def mark_disputed(self, request, queryset):
        for invoice in queryset:
            services.invoice_set_disputed(invoice, True, by=request.user)

    @admin.action(description=_("Dispute settled"))
    def clear_disputed(self, request, queryset):
        for invoice in queryset:
            services.invoice_set_disputed(invoice, False, by=request.user)


@admin.register(Mandate)
class MandateAdmin(ReadOnlyOfficeAdmin):
    list_display = ["reference", "person", "iban", "signed_on", "sequence", "status", "last_used_on"]
    list_filter = ["status", "sequence"]
    search_fields = ["reference", "iban", "holder_name"]
    actions = ["first_collection", "end"]

    def get_actions(self, request):
        return {name: value for name, value in super().get_actions(request).items() if name != "delete_selected"}

    @admin.action(description=_("Collect next time as a first collection (FRST)"))
    def first_collection(self, request, queryset):
        for mandate in queryset:
            sepa.mandate_set_sequence(mandate, Mandate.Sequence.FRST, by=request.user)

    @admin.action(description=_("End the selected mandates"))
    def end(self, request, queryset):
        for mandate in queryset:
            try:
                sepa.mandate_end(mandate, by=request.user, reason="office")
            except Refused as refused:
                self.message_user(request, f"{mandate.reference}: {refused}", messages.WARNING)


@admin.register(Charge)
class ChargeAdmin(ReadOnlyOfficeAdmin):
    list_display = ["person", "description", "amount_cents", "source_reference", "invoice"]
    search_fields = ["source_reference", "description"]


@admin.register(Collection)
class CollectionAdmin(ReadOnlyOfficeAdmin):
    list_display = ["collection_date", "message_id", "total_cents", "status"]
    exclude = ["xml"]


@admin.register(Statement)
class StatementAdmin(ReadOnlyOfficeAdmin):
    list_display = ["imported_at", "message_id", "account_iban", "entry_count"]


@admin.register(BankEntry)
class BankEntryAdmin(ReadOnlyOfficeAdmin):
    list_display = ["booked_on", "counterparty_name", "amount_cents", "outcome", "matched_by", "invoice", "return_code"]
    list_filter = ["outcome", "matched_by"]
    search_fields = ["bank_reference", "end_to_end_id", "remittance", "counterparty_iban"]
