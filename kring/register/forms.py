from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.core import geo
from kring.core.widgets import DateInput
from kring.register import search
from kring.register.models import Level

COUNTRY_NAMES = {"NL": _("the Netherlands"), "BE": _("Belgium")}


class SearchForm(forms.Form):
    """The filters of "find a trainer". All optional; the names are the URL's query parameters."""

    q = forms.CharField(label=_("Name or place"), required=False, max_length=100)
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        help_text=_("For example 3512 or 3512 AB. In Belgium: 4 digits, for example 3000."),
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("NL", _("Netherlands")), ("BE", _("Belgium"))]
    )
    distance = forms.IntegerField(
        label=_("Distance in km"),
        required=False,
        min_value=search.DISTANCE_MIN,
        max_value=search.DISTANCE_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter the distance as a whole number of kilometres, from 5 to 100."),
            "min_value": _("Choose a distance of at least 5 km."),
            "max_value": _("Choose a distance of at most 100 km."),
        },
    )
    programme = forms.ChoiceField(label=_("Programme taught"), required=False)
    domain = forms.ChoiceField(label=_("Work domain"), required=False)
    target = forms.ChoiceField(label=_("Target group"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    online = forms.BooleanField(label=_("Also teaches online"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[("distance", _("distance")), ("name", _("name"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = {
            "programme": _("Any programme"),
            "domain": _("Any work domain"),
            "target": _("Any target group"),
            "language": _("Any language"),
        }
        for key in search.VOCABULARY_MODELS:
            self.fields[key].choices = [("", anything[key]), *search.names(key).items()]
            self.fields[key].error_messages["invalid_choice"] = _(
                "We do not know this choice. Please pick one from the list."
            )
        self.other_country = None

    def clean(self):
        data = super().clean()
        country = data.get("country") or "NL"
        data["country"] = country
        postcode = (data.get("postcode") or "").strip()
        data["origin"] = None
        if postcode:
            if geo.normalise_postcode(postcode, country) is None:
                other = "BE" if country == "NL" else "NL"
                if geo.lookup(postcode, other):
                    self.other_country = other
                self.add_error(
                    "postcode",
                    _(
                        "This does not look like a postcode in %(country)s. "
                        "A postcode starts with four digits, for example %(example)s."
                    )
                    % {"country": COUNTRY_NAMES[country], "example": "3512" if country == "NL" else "3000"},
                )
            else:
                data["origin"] = geo.lookup(postcode, country)
                if data["origin"] is None:
                    other = "BE" if country == "NL" else "NL"
                    if geo.lookup(postcode, other):
                        self.other_country = other
                    self.add_error(
                        "postcode",
                        _("We do not know postcode %(postcode)s in %(country)s. Please check the digits.")
                        % {"postcode": postcode, "country": COUNTRY_NAMES[country]},
                    )
        return data

    def shown_fields(self) -> list[dict]:
        """The fields in page order, selects with their options marked, for the search page's hand-written
        markup (the busiest form of Kring is rendered without a template per widget)."""
        shown = []
        for name in ("q", "postcode", "country", "distance", "programme", "domain", "target", "language", "sort"):
            bound = self[name]
            # What the markup reads, looked up once here rather than through the bound field per use.
            field = {
                "name": name,
                "label": bound.label,
                "value": bound.value(),
                "errors": bound.errors,
                "help_text": bound.help_text,
            }
            options = None
            if isinstance(self.fields[name], forms.ChoiceField):
                current = str(field["value"] or "")
                options = [(code, label, code == current) for code, label in self.fields[name].choices]
            shown.append({"field": field, "options": options})
        return shown

    def criteria(self, page: int) -> search.Criteria:
        data = self.cleaned_data
        origin = data["origin"]
        return search.Criteria(
            q=data.get("q") or "",
            origin=origin,
            distance=data.get("distance") or search.DISTANCE_DEFAULT,
            codes={key: data.get(key) or "" for key in search.VOCABULARY_MODELS},
            online=bool(data.get("online")),
            sort="name" if data.get("sort") == "name" or origin is None else "distance",
            page=page,
        )


class StatusChangeForm(forms.Form):
    """The office's small form for a status change: from which day, and why."""

    on = forms.DateField(label=_("From (date)"), initial=timezone.localdate, widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=300)


class RenewForm(StatusChangeForm):
    ends_on = forms.DateField(
        label=_("Valid until (optional)"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for five years."),
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Keep the current level")), *Level.choices]
    )


class LevelForm(StatusChangeForm):
    level = forms.ChoiceField(label=_("New level"), choices=Level.choices)
