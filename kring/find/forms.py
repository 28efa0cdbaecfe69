"""The forms of "find": search filters (the names are the URL's query parameters) and what trainers fill in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.core.widgets import DateInput
from kring.find import offers, supervisors
from kring.members.models import SpokenLanguage, TaughtProgramme
from kring.register.forms import SearchForm

WHERE_CHOICES = [("all", _("near me and online")), ("place", _("only at a place")), ("online", _("only online"))]
WITHIN_CHOICES = [
    ("", _("any time")),
    ("1", _("within a month")),
    ("2", _("within two months")),
    ("6", _("within half a year")),
]


class OfferSearchForm(SearchForm):
    """The register's search form (postcode, country, distance, the vocabularies and their checks),
    narrowed to what an offer is found by."""

    KEEP = ("postcode", "country", "distance", "programme", "language")
    SORTS = [("start", _("start date")), ("distance", _("distance"))]

    where = forms.ChoiceField(label=_("Where"), required=False, choices=WHERE_CHOICES)
    within = forms.ChoiceField(label=_("Starts"), required=False, choices=WITHIN_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [n for n in self.fields if n not in (*self.KEEP, "where", "within")]:
            del self.fields[name]
        self.fields["sort"] = forms.ChoiceField(label=_("Sort by"), required=False, choices=self.SORTS)
        if "programme" in self.fields:
            self.fields["programme"].label = _("Programme")
        for name in ("where", "within", "sort"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "We do not know this choice. Please pick one from the list."
            )

    def criteria(self, page: int) -> offers.Criteria:
        data = self.cleaned_data
        return offers.Criteria(
            origin=data["origin"],
            distance=data.get("distance") or offers.search.DISTANCE_DEFAULT,
            programmes=tuple(data.get("programme") or ()),
            language=data.get("language") or "",
            where=data.get("where") or "all",
            within_months=int(data.get("within") or 0),
            sort=data.get("sort") or "start",
            page=page,
        )


class CourseSearchForm(OfferSearchForm):
    SORTS = [("start", _("start date")), ("distance", _("distance")), ("price", _("price"))]


class RetreatSearchForm(OfferSearchForm):
    KEEP = ("postcode", "country", "distance", "language")


class SupervisorSearchForm(SearchForm):
    where = forms.ChoiceField(label=_("Where"), required=False, choices=WHERE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [n for n in self.fields if n not in ("postcode", "country", "distance", "where")]:
            del self.fields[name]

    def criteria(self, page: int) -> supervisors.Criteria:
        data = self.cleaned_data
        return supervisors.Criteria(
            origin=data["origin"],
            distance=data.get("distance") or offers.search.DISTANCE_DEFAULT,
            where=data.get("where") or "all",
            page=page,
        )


DATE = DateInput()


class PlaceFields(forms.Form):
    online = forms.BooleanField(label=_("Online"), required=False, help_text=_("Leave the postcode empty for online."))
    postcode = forms.CharField(
        label=_("Postcode"), required=False, max_length=10, help_text=_("For example 3512 or 9000.")
    )
    country = forms.ChoiceField(label=_("Country"), choices=[("NL", _("Netherlands")), ("BE", _("Belgium"))])
    language = forms.ModelChoiceField(label=_("Language"), queryset=SpokenLanguage.objects.order_by("position"))
    text = forms.CharField(
        label=_("Short text"), required=False, max_length=600, widget=forms.Textarea(attrs={"rows": 4})
    )
    signup_url = forms.URLField(label=_("Sign-up link"), required=False, assume_scheme="https")

    @classmethod
    def initial_of(cls, offer) -> dict:
        return {name: getattr(offer, name) for name in cls.base_fields if name != "country"} | {
            "country": offer.country or "NL"
        }


class CourseForm(PlaceFields):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=TaughtProgramme.objects.order_by("position"))
    starts_on = forms.DateField(label=_("Start date"), widget=DATE)
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    sessions = forms.IntegerField(label=_("Number of sessions"), initial=8, min_value=1, max_value=52)
    price = forms.DecimalField(label=_("Price in euros"), max_digits=7, decimal_places=2)
    places_left = forms.IntegerField(label=_("Places left"), min_value=0, max_value=999)

    field_order = [
        "programme",
        "starts_on",
        "time",
        "sessions",
        "online",
        "postcode",
        "country",
        "language",
        "price",
        "places_left",
        "text",
        "signup_url",
    ]


class RetreatForm(PlaceFields):
    title = forms.CharField(label=_("Title"), max_length=120)
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE)
    days = forms.IntegerField(label=_("Number of retreat days"), min_value=0, max_value=60)
    teacher = forms.CharField(label=_("Teacher"), max_length=120)

    field_order = [
        "title",
        "starts_on",
        "ends_on",
        "days",
        "teacher",
        "online",
        "postcode",
        "country",
        "language",
        "text",
        "signup_url",
    ]


class AttendanceForm(forms.Form):
    numbers = forms.CharField(
        label=_("Register numbers of the trainers who attended"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or more numbers, separated by spaces, commas or new lines."),
    )

    def numbers_list(self) -> list[str]:
        return self.cleaned_data["numbers"].replace(",", " ").split()


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Your question"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example what you would like supervision on, and when you can."),
    )


class SessionForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    hours = forms.DecimalField(label=_("Hours"), max_digits=3, decimal_places=1, min_value=0)
