"""The office's money: fees, charges, invoices (and credit notes), SEPA mandates, collections, the bank.

Amounts are whole cents (``*_cents``), as sepaxml and the bank count them; an amount on an invoice
line includes its VAT (members pay one price), the VAT part is computed per line.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.members.models import MembershipType, Person


class Fee(models.Model):
    """The annual fee of one membership type in one year, with its VAT rate or ground for exemption."""

    type = models.ForeignKey(MembershipType, on_delete=models.PROTECT, related_name="fees", verbose_name=_("type"))
    year = models.PositiveSmallIntegerField(_("year"))
    amount_cents = models.PositiveIntegerField(_("amount in cents"), help_text=_("Including VAT, if any."))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=4, decimal_places=1, default=0)
    vat_exemption = models.CharField(
        _("ground for VAT exemption"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the association's ground when no VAT is charged."),
    )
    pro_rata = models.BooleanField(
        _("pro rata"), default=True, help_text=_("Members who join during the year pay for the months left.")
    )

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        ordering = ["-year", "type__position"]
        constraints = [
            models.UniqueConstraint(fields=["type", "year"], name="finance_fee_one_per_type_and_year"),
            models.CheckConstraint(condition=models.Q(vat_rate__gte=0), name="finance_fee_vat_not_negative"),
        ]

    def __str__(self):
        return f"{self.type} {self.year}"


class Reduction(models.Model):
    """A reduction the office grants one person on the fee of one year (a student, hardship)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="fee_reductions")
    year = models.PositiveSmallIntegerField(_("year"))
    percent = models.PositiveSmallIntegerField(_("reduction (%)"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("reduction")
        verbose_name_plural = _("reductions")
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="finance_one_reduction_per_year"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="finance_reduction_at_most_all"),
        ]

    def __str__(self):
        return f"{self.person} {self.year}: {self.percent}%"


class Charge(models.Model):
    """Something a person owes that is not yet on an invoice (an event registration, a fee line).

    Other apps add one through ``services.charge_add``; ``source_reference`` makes adding idempotent.
    The yearly run (or ``invoice_open_charges``) puts open charges on an invoice."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="charges")
    description = models.CharField(pgettext_lazy("bookkeeping", "description"), max_length=200)
    amount_cents = models.PositiveIntegerField(_("amount in cents"))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=4, decimal_places=1, default=0)
    vat_exemption = models.CharField(_("ground for VAT exemption"), max_length=200, blank=True)
    source_reference = models.CharField(_("source"), max_length=100, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    invoice = models.ForeignKey(
        "Invoice", null=True, blank=True, on_delete=models.PROTECT, related_name="charges", verbose_name=_("invoice")
    )

    class Meta:
        verbose_name = _("charge")
        verbose_name_plural = _("charges")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.description


class InvoiceCounter(models.Model):
    """One row per year that hands out invoice numbers; taking a number locks it, so numbers have no
    gaps and never repeat, also when two runs invoice at the same moment (like RegisterNumber)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice number counter")


class Invoice(models.Model):
    """An invoice or a credit note (``kind``). Never deleted: a mistake is undone with a credit note.

    What the law asks on it is frozen at issue: the seller (``seller``, from the association's identity),
    the buyer's name and address, number, dates and lines."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT = "credit", _("Credit note")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PAID = "paid", _("Paid")
        CREDITED = "credited", _("Credited")

    class Method(models.TextChoices):
        DEBIT = "debit", _("Direct debit")
        TRANSFER = "transfer", _("Bank transfer")

    number = models.CharField(_("number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INVOICE)
    credits = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("credits")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="invoices")
    buyer_name = models.CharField(_("name"), max_length=200)
    buyer_address = models.CharField(_("address"), max_length=300, blank=True)
    seller = models.JSONField(_("seller"), default=dict)
    issued_on = models.DateField(_("date of issue"))
    due_on = models.DateField(_("due on"))
    period = models.CharField(_("period"), max_length=100, blank=True)
    total_cents = models.IntegerField(_("total in cents"))
    vat_cents = models.IntegerField(_("VAT in cents"), default=0)
    paid_cents = models.IntegerField(_("paid in cents"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    method = models.CharField(_("payment"), max_length=10, choices=Method.choices, default=Method.TRANSFER)
    reference = models.CharField(_("payment reference"), max_length=35, unique=True)
    disputed = models.BooleanField(_("disputed"), default=False)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminder_on = models.DateField(_("last reminder"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-issued_on", "-number"]
        indexes = [models.Index(fields=["status", "method"])]

    def __str__(self):
        return self.number

    @property
    def outstanding_cents(self) -> int:
        return self.total_cents - self.paid_cents


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="lines")
    description = models.CharField(pgettext_lazy("bookkeeping", "description"), max_length=300)
    amount_cents = models.IntegerField(_("amount in cents"), help_text=_("Including VAT."))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=4, decimal_places=1, default=0)
    vat_cents = models.IntegerField(_("VAT in cents"), default=0)
    vat_exemption = models.CharField(_("ground for VAT exemption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["pk"]

    @property
    def net_cents(self) -> int:
        return self.amount_cents - self.vat_cents


class Mandate(models.Model):
    """A SEPA direct debit mandate (core scheme, recurrent). A new IBAN is a new mandate: the old one is
    ended, so the person's mandates are the history of their IBANs."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")
        LAPSED = "lapsed", _("Lapsed (unused for 36 months)")

    class Sequence(models.TextChoices):
        FRST = "FRST", _("First collection")
        RCUR = "RCUR", _("Recurring")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandates")
    reference = models.CharField(_("mandate reference"), max_length=35, unique=True)
    holder_name = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    signed_on = models.DateField(_("signed on"))
    signed_online = models.BooleanField(_("signed online"), default=False)
    text = models.TextField(_("mandate text as signed"), blank=True)
    sequence = models.CharField(_("next sequence type"), max_length=4, choices=Sequence.choices, default=Sequence.RCUR)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    last_used_on = models.DateField(_("last collection"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-signed_on", "-pk"]

    def __str__(self):
        return self.reference


class Collection(models.Model):
    """One collection run: a pain.008 file for one collection date."""

    class Status(models.TextChoices):
        MADE = "made", _("File made")
        CONFIRMED = "confirmed", _("Confirmed by the bank")

    collection_date = models.DateField(_("collection date"))
    message_id = models.CharField(_("message id"), max_length=35, unique=True)
    xml = models.TextField(_("pain.008 file"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MADE)
    total_cents = models.PositiveIntegerField(_("total in cents"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["-collection_date", "-pk"]

    def __str__(self):
        return f"{self.collection_date} ({self.message_id})"


class CollectionItem(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PAID = "paid", _("Paid")
        RETURNED = "returned", _("Returned")

    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="items")
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="collection_items")
    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, related_name="collection_items")
    amount_cents = models.PositiveIntegerField(_("amount in cents"))
    sequence = models.CharField(_("sequence type"), max_length=4, choices=Mandate.Sequence.choices)
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    return_code = models.CharField(_("return reason"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")


class Statement(models.Model):
    """An imported camt.053 file. The same file twice is recognised by its digest."""

    digest = models.CharField(max_length=64, unique=True)
    message_id = models.CharField(_("message id"), max_length=100, blank=True)
    account_iban = models.CharField(pgettext_lazy("bank", "account"), max_length=34, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entry_count = models.PositiveIntegerField(_("entries"), default=0)

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["-imported_at"]


class BankEntry(models.Model):
    """One booking on a statement, unique by the bank's own reference so it is never counted twice."""

    class Outcome(models.TextChoices):
        MATCHED = "matched", _("Matched")
        RETURNED = "returned", _("Return recorded")
        UNMATCHED = "unmatched", _("Not matched")
        RESOLVED = "resolved", _("Resolved by the office")
        IGNORED = "ignored", _("Not about an invoice")

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="entries")
    bank_reference = models.CharField(_("bank's reference"), max_length=120, unique=True)
    booked_on = models.DateField(_("booked on"), null=True, blank=True)
    amount_cents = models.IntegerField(_("amount in cents"), help_text=_("Negative for money going out."))
    counterparty_name = models.CharField(_("counterparty"), max_length=140, blank=True)
    counterparty_iban = models.CharField(_("counterparty IBAN"), max_length=34, blank=True)
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, blank=True)
    remittance = models.CharField(pgettext_lazy("bookkeeping", "description"), max_length=300, blank=True)
    return_code = models.CharField(_("return reason"), max_length=4, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    matched_by = models.CharField(_("matched on"), max_length=20, blank=True)
    invoice = models.ForeignKey(
        Invoice, null=True, blank=True, on_delete=models.PROTECT, related_name="bank_entries", verbose_name=_("invoice")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bank entry")
        verbose_name_plural = _("bank entries")
        ordering = ["-booked_on", "pk"]
        indexes = [models.Index(fields=["outcome"])]


class Application(models.Model):
    """Someone asks to become a member, choosing a type and how to pay (a mandate signed online, with
    its text, IBAN, name and date, or transfers). The office accepts or declines it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the office")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="membership_applications")
    type = models.ForeignKey(MembershipType, on_delete=models.PROTECT, verbose_name=_("type"))
    starts_on = models.DateField(_("membership from"))
    pays_by_mandate = models.BooleanField(_("pays by direct debit"), default=False)
    holder_name = models.CharField(_("account holder"), max_length=70, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    mandate_text = models.TextField(_("mandate text as signed"), blank=True)
    signed_on = models.DateField(_("mandate signed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status="requested"), name="finance_one_open_application"
            )
        ]
