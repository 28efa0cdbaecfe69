"""The register in the office's admin. Status and level change only through the actions below, which
call the register's services (history row + audit entry); the history itself is read-only here."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Subquery
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.admin import OfficeModelAdmin
from kring.core.refusals import Refused
from kring.core.widgets import DateInput
from kring.register import exports, services
from kring.register.forms import LevelForm, RenewForm, StatusChangeForm
from kring.register.history import periods_on
from kring.register.models import Level, Registration, RegistrationPeriod, Status


class PeriodInline(admin.TabularInline):
    model = RegistrationPeriod
    extra = 0
    fields = readonly_fields = ["status", "level", "starts_on", "ends_on", "reason", "recorded_at", "recorded_by"]
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_delete_permission = has_add_permission


class RegistrationAddForm(forms.ModelForm):
    """Adding a registration also opens its first period, through ``registration_create``."""

    level = forms.ChoiceField(label=_("level"), choices=Level.choices)
    starts_on = forms.DateField(label=_("registered from"), initial=timezone.localdate, widget=DateInput())
    ends_on = forms.DateField(
        label=_("valid until"), required=False, help_text=_("Leave empty for five years."), widget=DateInput()
    )

    class Meta:
        model = Registration
        fields = ["number", "person", "agb_code", "programmes"]

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return data


def _current(field: str, today):
    return Subquery(periods_on(today).values(field)[:1])


class CurrentFilter(admin.SimpleListFilter):
    field = ""

    def lookups(self, request, model_admin):
        return self.choices_enum.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"current_{self.field}": self.value()})
        return queryset


class StatusFilter(CurrentFilter):
    title = _("status today")
    parameter_name = field = "status"
    choices_enum = Status


class LevelFilter(CurrentFilter):
    title = _("level today")
    parameter_name = field = "level"
    choices_enum = Level


def _status_action(name: str, label, form_class, service):
    """An admin action that asks for a date and a reason, then calls ``service`` per registration."""

    def action(modeladmin, request, queryset):
        form = form_class(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            done, refused = 0, []
            for registration in queryset:
                try:
                    service(registration, form.cleaned_data, request.user)
                    done += 1
                except Refused as error:
                    refused.append(f"{registration.number}: {error}")
            if done:
                modeladmin.message_user(
                    request,
                    ngettext("%(count)d registration changed.", "%(count)d registrations changed.", done)
                    % {"count": done},
                )
            for message in refused:
                modeladmin.message_user(request, message, level=messages.ERROR)
            return None
        return TemplateResponse(
            request,
            "admin/register/status_change.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": label,
                "form": form,
                "registrations": queryset,
                "action": name,
                "opts": modeladmin.model._meta,
            },
        )

    action.__name__ = name
    action.short_description = label
    return action


suspend = _status_action(
    "suspend",
    _("Suspend"),
    StatusChangeForm,
    lambda r, d, by: services.registration_suspend(r, on=d["on"], reason=d["reason"], by=by),
)
reinstate = _status_action(
    "reinstate",
    _("Reinstate after suspension"),
    StatusChangeForm,
    lambda r, d, by: services.registration_reinstate(r, on=d["on"], reason=d["reason"], by=by),
)
strike_off = _status_action(
    "strike_off",
    _("Strike off"),
    StatusChangeForm,
    lambda r, d, by: services.registration_strike_off(r, on=d["on"], reason=d["reason"], by=by),
)
expire = _status_action(
    "expire",
    _("Mark as expired"),
    StatusChangeForm,
    lambda r, d, by: services.registration_expire(r, on=d["on"], reason=d["reason"], by=by),
)
renew = _status_action(
    "renew",
    _("Renew (new validity)"),
    RenewForm,
    lambda r, d, by: services.registration_renew(
        r, starts_on=d["on"], ends_on=d.get("ends_on"), level=d.get("level") or None, reason=d["reason"], by=by
    ),
)
change_level = _status_action(
    "change_level",
    _("Change level"),
    LevelForm,
    lambda r, d, by: services.registration_change_level(r, level=d["level"], on=d["on"], reason=d["reason"], by=by),
)


@admin.action(description=_("Export selected as CSV"))
def export_csv(modeladmin, request, queryset):
    selected = Registration.objects.filter(pk__in=queryset)  # without the list's annotations
    return exports.office_download("register", by=request.user, registrations=selected)


@admin.action(description=_("Export recognitions of selected as CSV"))
def export_recognitions(modeladmin, request, queryset):
    selected = Registration.objects.filter(pk__in=queryset)
    return exports.office_download("recognitions", by=request.user, registrations=selected)


@admin.register(Registration)
class RegistrationAdmin(OfficeModelAdmin):
    list_display = ["number", "person", "status_today", "level_today", "valid_until", "agb_code"]
    list_filter = [StatusFilter, LevelFilter, "programmes", "person__programmes", "person__practices__country"]
    search_fields = ["number", "agb_code", "person__first_name", "person__last_name"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
    filter_horizontal = ["programmes"]
    inlines = [PeriodInline]
    actions = [suspend, reinstate, strike_off, expire, renew, change_level, export_csv, export_recognitions]
    change_list_template = "admin/register/registration_change_list.html"

    def get_queryset(self, request):
        today = timezone.localdate()
        return (
            super()
            .get_queryset(request)
            .annotate(
                current_status=_current("status", today),
                current_level=_current("level", today),
                current_ends_on=_current("ends_on", today),
            )
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = RegistrationAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        return ["number", "person", "created_at"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False  # the register keeps its history; strike off or expire instead

    def save_model(self, request, obj, form, change):
        if change:
            return  # saved with its programmes by registration_update, in save_related
        data = form.cleaned_data
        # A refusal here (the number was taken meanwhile) becomes an error message, by RefusalMiddleware.
        created = services.registration_create(
            person=data["person"],
            number=data["number"],
            level=data["level"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            agb_code=data.get("agb_code", ""),
            programmes=data.get("programmes", []),
            by=request.user,
        )
        obj.pk = created.pk
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        if not change:
            return  # registration_create has set the programmes
        for formset in formsets:
            formset.save(commit=False)  # the history is read-only here: nothing to save, only to report
        if form.changed_data:
            services.registration_update(
                form.instance,
                changed=form.changed_data,
                programmes=form.cleaned_data.get("programmes"),
                by=request.user,
            )

    @admin.display(description=_("status today"), ordering="current_status")
    def status_today(self, registration):
        return Status(registration.current_status).label if registration.current_status else "–"

    @admin.display(description=_("level today"), ordering="current_level")
    def level_today(self, registration):
        return Level(registration.current_level).label if registration.current_level else "–"

    @admin.display(description=_("valid until"), ordering="current_ends_on")
    def valid_until(self, registration):
        return registration.current_ends_on or "–"
