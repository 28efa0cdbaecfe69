"""Filling in the office's admin forms in tests the way a browser would: start from what the page
shows, change a few fields, post it back."""

from __future__ import annotations


def _values(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        key = form.add_prefix(name)
        if isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = str(value)
    return data


def page_data(response) -> dict:
    """The POST data of an admin add/change page as it was shown, inlines included."""
    data = _values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(n): str(management[n].value() or 0) for n in management.fields})
        for form in formset.forms:
            data.update(_values(form))
    return data


def add_inline_row(data: dict, prefix: str, **values) -> dict:
    """Fill the next empty row of the inline ``prefix`` (its TOTAL_FORMS grows by one)."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": str(value) for name, value in values.items()})
    return data
