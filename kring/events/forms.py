"""Forms of the event pages: the public list's filters, registering, and the office's tools."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.core import geo
from kring.events.models import Country, Kind, Mode, Session

MODE_CHOICES = [(Mode.LIVE, _("Live")), (Mode.ONLINE, _("Online"))]
DISTANCES = [(10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km")]


class FilterForm(forms.Form):
    """The filters live in the URL (GET), so a filtered list can be shared and works without JavaScript."""

    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False)
    mode = forms.ChoiceField(label=_("Mode"), choices=[("", _("Live or online")), *MODE_CHOICES], required=False)
    month = forms.RegexField(
        label=_("Month"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "2026-09", "inputmode": "numeric"}),
        error_messages={"invalid": _("Choose a month like 2026-09.")},
    )
    postcode = forms.CharField(label=_("Near postcode"), max_length=10, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices, required=False, initial="NL")
    distance = forms.TypedChoiceField(
        label=_("Within"), choices=DISTANCES, coerce=int, required=False, empty_value=50, initial=50
    )

    def clean(self):
        data = super().clean()
        postcode = data.get("postcode")
        if postcode:
            data["place"] = geo.lookup(postcode, data.get("country") or "NL")
            if data["place"] is None:
                self.add_error("postcode", _("We do not know this postcode. Try for example 3512 or 9000."))
        return data


def _places_field():
    return forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        max_value=10,
        initial=1,
        help_text=_("More than one when you register colleagues too."),
    )


class RegisterForm(forms.Form):
    mode = forms.ChoiceField(label=_("I take part"), choices=MODE_CHOICES, widget=forms.RadioSelect)
    places = _places_field()
    sessions = forms.ModelMultipleChoiceField(
        label=_("Sessions of the programme"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [c for c in MODE_CHOICES if c[0] in event.modes]
        if len(event.modes) == 1:
            self.fields["mode"].initial = event.modes[0]
        sessions = event.sessions.all()
        self.fields["sessions"].queryset = sessions
        if not sessions:
            del self.fields["sessions"]


class VisitorForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=160)
    email = forms.EmailField(label=_("Your e-mail address"))
    mode = forms.ChoiceField(label=_("I take part"), choices=MODE_CHOICES, widget=forms.RadioSelect)
    country = forms.ChoiceField(
        label=_("I pay from"), choices=Country.choices, initial="NL", help_text=_("For the payment reference.")
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [c for c in MODE_CHOICES if c[0] in event.modes]
        if len(event.modes) == 1:
            self.fields["mode"].initial = event.modes[0]
        if event.is_free:
            del self.fields["country"]


class CheckinForm(forms.Form):
    code = forms.CharField(label=_("Code shown at the event"), max_length=8)


class OfficeRegisterForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the member"))
    mode = forms.ChoiceField(label=_("Mode"), choices=MODE_CHOICES)
    places = _places_field()


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject (Dutch)"), max_length=150)
    body = forms.CharField(label=_("Message (Dutch)"), widget=forms.Textarea, max_length=5000)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=150, required=False)
    body_en = forms.CharField(
        label=_("Message (English)"),
        widget=forms.Textarea,
        max_length=5000,
        required=False,
        help_text=_("Participants who read Kring in English get this one; empty: they get the Dutch text."),
    )
