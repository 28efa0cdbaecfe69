from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.core.widgets import DateInput
from kring.finance.models import Invoice


class MandateForm(forms.Form):
    """Signing a SEPA mandate online: the text is shown above the form, the date is today."""

    holder_name = forms.CharField(label=_("Name of the account holder"), max_length=70)
    iban = forms.CharField(label=_("IBAN"), max_length=42, help_text=_("For example NL91 ABNA 0417 1643 00."))
    agree = forms.BooleanField(label=_("I agree to the mandate text above."))


class YearlyRunForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )


class CollectionForm(forms.Form):
    collection_date = forms.DateField(
        label=_("Collection date"),
        help_text=_("A bank business day, at least 14 days from today."),
        widget=DateInput(),
    )


class StatementForm(forms.Form):
    file = forms.FileField(label=_("Bank statement (camt.053)"))


class ResolveForm(forms.Form):
    invoice = forms.ModelChoiceField(
        label=_("Invoice this pays"),
        required=False,
        queryset=Invoice.objects.none(),
        to_field_name="number",
        widget=forms.TextInput,
        help_text=_("The invoice number, for example 2026-000012. Leave empty if it pays no invoice."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invoice"].queryset = Invoice.objects.filter(kind=Invoice.Kind.INVOICE)


class ApplicationForm(forms.Form):
    type = forms.ModelChoiceField(label=_("Membership type"), queryset=None, empty_label=None, widget=forms.RadioSelect)
    pays_by_mandate = forms.TypedChoiceField(
        label=_("How do you want to pay?"),
        choices=[("1", _("By direct debit (I sign the mandate below)")), ("0", _("By bank transfer"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    holder_name = forms.CharField(label=_("Name of the account holder"), max_length=70, required=False)
    iban = forms.CharField(
        label=_("IBAN"), max_length=42, required=False, help_text=_("For example NL91 ABNA 0417 1643 00.")
    )
    agree = forms.BooleanField(label=_("I agree to the mandate text (only for direct debit)."), required=False)

    def __init__(self, *args, **kwargs):
        from kring.members.models import MembershipType

        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = MembershipType.objects.all()

    def clean(self):
        data = super().clean()
        if data.get("pays_by_mandate") and not data.get("agree"):
            self.add_error("agree", _("To pay by direct debit, agree to the mandate text."))
        return data
