"""The office makes and changes events here; every save goes through ``services.event_save``, and
registrations are managed on the event's office page (``views/office.py``), through the services."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.core.admin import OfficeModelAdmin, is_office
from kring.events import rules, services
from kring.events.models import Event, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["title", "starts_at", "ends_at", "room", "capacity"]

    def has_view_permission(self, request, obj=None):
        return is_office(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class EventAdminForm(forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        taken = services.taken_per_mode(self.instance) if self.instance.pk else {}
        errors = rules.event_problems(self.instance, taken=taken)
        if errors:
            self._update_errors(ValidationError(errors))


@admin.register(Event)
class EventAdmin(OfficeModelAdmin):
    form = EventAdminForm
    inlines = [SessionInline]
    list_display = ["title", "kind", "starts_at", "mode", "place", "audience", "published", "office_page"]
    list_filter = ["kind", "mode", "audience", "published", "language"]
    search_fields = ["title", "place", "venue"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["host"]
    readonly_fields = ["place", "latitude", "longitude", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "description", "language", "published", "host"]}),
        (_("When"), {"fields": ["starts_at", "ends_at"]}),
        (_("Where"), {"fields": ["mode", "venue", "postcode", "country", "place", "online_link"]}),
        (
            _("Places and registration"),
            {
                "fields": [
                    "audience",
                    "capacity_live",
                    "capacity_online",
                    "registration_opens_at",
                    "registration_closes_at",
                    "cancel_until",
                    "offer_hours",
                    "checkin_code",
                ]
            },
        ),
        (
            _("Prices"),
            {
                "fields": [
                    "price_member",
                    "price_non_member",
                    "price_student",
                    "early_bird_until",
                    "early_price_member",
                    "early_price_non_member",
                    "early_price_student",
                ]
            },
        ),
        (_("CPD"), {"fields": ["cpd_hours", "cpd_kind"]}),
    ]

    @admin.display(description=_("Registrations"))
    def office_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("events:office_event", args=[obj.pk]), pgettext_lazy("action", "Open")
        )

    def save_model(self, request, obj, form, change):
        services.event_save(obj, by=request.user, fields=form.changed_data)

    def delete_model(self, request, obj):
        services.event_delete(obj, by=request.user)

    def has_delete_permission(self, request, obj=None):
        # An event with registrations is never deleted: the office cancels it by unpublishing.
        return is_office(request) and (obj is None or not obj.registrations.exists())

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
