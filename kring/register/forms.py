from __future__ import annotations

import copy
from types import MappingProxyType

from django import forms
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from kring.core import geo
from kring.core.widgets import DateInput
from kring.register import search
from kring.register.models import Level

COUNTRY_NAMES = {"NL": _("the Netherlands"), "BE": _("Belgium")}
FIRST_FIELDS = ("postcode", "distance")
MORE_FIELDS = ("q", "country", "programme", "domain", "target", "language", "sort")


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
    programme = forms.MultipleChoiceField(
        label=_("Programmes taught"),
        required=False,
        help_text=_("Pick one or more: a trainer who teaches any of them is shown."),
    )
    domain = forms.ChoiceField(label=_("Work domain"), required=False)
    target = forms.ChoiceField(label=_("Target group"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    online = forms.BooleanField(label=_("Also teaches online"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[("distance", _("distance")), ("name", _("name"))]
    )

    def __init__(self, *args, **kwargs):
        shared = type(self) is SearchForm
        if shared:
            # Django copies every field for each form, so that one form's changes cannot reach another.
            # The register's search (the busiest form) changes none after ``_prepared_fields`` made them
            # for the language and the vocabularies, so its forms share them, read-only: copying and
            # filling the choices was half the cost of the form. Subclasses change their fields in
            # __init__ and get their own copies.
            self.base_fields = {}
        super().__init__(*args, **kwargs)
        if shared:
            self.fields = _prepared_fields()
        else:
            _fill_vocabularies(self.fields)
        self.other_country = None
        self.guessed_country = None  # set when a Belgian postcode was left on the Netherlands

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
                if data["origin"] is None and country == "NL" and geo.lookup(postcode, "BE"):
                    # The country select starts on the Netherlands; 9000 is not Dutch but it is Gent.
                    data["origin"], data["country"] = geo.lookup(postcode, "BE"), "BE"
                    self.guessed_country, self.other_country = "BE", "NL"
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

    def first_fields(self) -> list[dict]:
        """Postcode and distance: what a visitor on a phone fills in first, shown above the fold."""
        return self._shown(FIRST_FIELDS)

    def more_fields(self) -> list[dict]:
        """The other filters, folded away in a ``<details>`` (open when one of them is in use)."""
        return self._shown(MORE_FIELDS)

    def more_in_use(self) -> bool:
        """Whether a folded filter is set or has an error, so the fold opens to show it."""
        return any(self.data.get(name) or self[name].errors for name in (*MORE_FIELDS, "online"))

    def _shown(self, names) -> list[dict]:
        """The fields in page order, selects with their options marked, for the search page's hand-written
        markup (the busiest form of Kring is rendered without a template per widget)."""
        shown = []
        for name in names:
            bound = self[name]
            # What the markup reads, looked up once here rather than through the bound field per use.
            field = {
                "name": name,
                "label": bound.label,
                "value": bound.value(),
                "errors": bound.errors,
                "help_text": bound.help_text,
            }
            chosen_from = self.fields[name]
            multiple = isinstance(chosen_from, forms.MultipleChoiceField)
            options, html = False, ""  # options: whether the field is a select (or checkboxes)
            if isinstance(chosen_from, forms.ChoiceField) and chosen_from.choices:
                value = field["value"] or ""
                current = {str(v) for v in value} if multiple else {str(value)}
                if name == "country" and self.guessed_country:
                    current = {self.guessed_country}
                escaped = getattr(chosen_from, "escaped_choices", None) or _escaped(name, multiple, chosen_from.choices)
                options, html = True, _options_html(name, escaped, current, multiple)
            shown.append({"field": field, "options": options, "options_html": html, "multiple": multiple})
        return shown

    def criteria(self, page: int) -> search.Criteria:
        data = self.cleaned_data
        origin = data["origin"]
        return search.Criteria(
            q=data.get("q") or "",
            origin=origin,
            distance=data.get("distance") or search.DISTANCE_DEFAULT,
            codes={key: _codes(data.get(key)) for key in search.VOCABULARY_MODELS},
            online=bool(data.get("online")),
            sort="name" if data.get("sort") == "name" or origin is None else "distance",
            page=page,
        )


def _fill_vocabularies(fields: dict[str, forms.Field]) -> None:
    """The choices of the vocabulary fields, in the active language."""
    anything = {"domain": _("Any work domain"), "target": _("Any target group"), "language": _("Any language")}
    for key in search.VOCABULARY_MODELS:
        known = list(search.names(key).items())
        fields[key].choices = known if key in search.MULTIPLE else [("", anything[key]), *known]
        fields[key].error_messages["invalid_choice"] = _("We do not know this choice. Please pick one from the list.")


_prepared: dict[tuple, MappingProxyType] = {}


def _prepared_fields() -> MappingProxyType:
    """SearchForm's fields for the active language and the vocabularies as they are now (a change of a
    vocabulary makes new ones), with their labels and help texts already in that language."""
    key = (translation.get_language(), tuple((kind, tuple(rows)) for kind, rows in search.vocabularies().items()))
    found = _prepared.get(key)
    if found is None:
        fields = copy.deepcopy(SearchForm.base_fields)
        _fill_vocabularies(fields)
        for name, field in fields.items():
            field.label = None if field.label is None else str(field.label)
            field.help_text = str(field.help_text)
            if isinstance(field, forms.ChoiceField):
                field.escaped_choices = _escaped(name, isinstance(field, forms.MultipleChoiceField), field.choices)
        if len(_prepared) > 20:  # old vocabularies
            _prepared.clear()
        found = _prepared[key] = MappingProxyType(fields)
    return found


_escaped_choices: dict[tuple, list[tuple[str, str, str]]] = {}


def _escaped(name: str, multiple: bool, choices) -> list[tuple[str, str, str]]:
    """The choices as (code, escaped code, escaped label), once per set of choices and process: escaping
    some fifty labels for every search cost more than finding the results. SearchForm's shared fields
    keep theirs (``escaped_choices``), so even the key is not built per search."""
    key = (name, multiple, tuple((code, str(label)) for code, label in choices))
    escaped = _escaped_choices.get(key)
    if escaped is None:
        escaped = _escaped_choices[key] = [(code, escape(code), escape(label)) for code, label in key[2]]
    return escaped


def _options_html(name: str, escaped: list[tuple[str, str, str]], current: set[str], multiple: bool) -> str:
    """The options of a select (or the checkboxes of a multiple choice), the chosen ones marked."""
    if multiple:
        return mark_safe(  # nosec B308 B703 # every part escaped above
            "".join(
                f'<div class="checkbox"><input type="checkbox" name="{name}" value="{value}" id="id_{name}_{i}"'
                f'{" checked" if code in current else ""}> <label for="id_{name}_{i}">{label}</label></div>'
                for i, (code, value, label) in enumerate(escaped)
            )
        )
    return mark_safe(  # nosec B308 B703 # every part escaped above
        "".join(
            f'<option value="{value}"{" selected" if code in current else ""}>{label}</option>'
            for code, value, label in escaped
        )
    )


def _codes(value) -> str | tuple[str, ...]:
    """One code for a single choice; a sorted tuple for the programmes (any of them matches)."""
    if isinstance(value, list | tuple):
        return tuple(sorted(set(value)))
    return value or ""


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
