"""The office keeps schemes, the sample setting and the code of ethics in the admin.

A scheme that a cycle uses is never changed: the office copies it into a new version with a later
"valid from" day, which applies to cycles that start from then on. Earlier versions stay.
"""

import datetime
import secrets

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.core import audit
from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin, is_office
from kring.recertification.models import (
    CertificationScheme,
    CodeOfEthics,
    Cycle,
    SampleDraw,
    SampleSetting,
    SchemeRequirement,
)


class RequirementInline(admin.TabularInline):
    model = SchemeRequirement
    extra = 0

    def has_change_permission(self, request, obj=None):
        return is_office(request) and (obj is None or not obj.in_use)

    has_add_permission = has_delete_permission = has_change_permission

    def has_view_permission(self, request, obj=None):
        return is_office(request)


@admin.register(CertificationScheme)
class CertificationSchemeAdmin(OfficeModelAdmin):
    list_display = ["__str__", "level", "version", "valid_from", "cycle_years"]
    list_filter = ["level"]
    inlines = [RequirementInline]
    actions = ["new_version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.in_use:
            return ["level", "version", "valid_from", "cycle_years", "note"]
        return ["version"]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or not obj.in_use)

    def save_model(self, request, obj, form, change):
        if not change:
            last = CertificationScheme.objects.filter(level=obj.level).order_by("-version").first()
            obj.version = (last.version + 1) if last else 1
        super().save_model(request, obj, form, change)
        audit.record("kring.recertification.scheme.saved", by=request.user, obj=obj, fields=list(form.changed_data))

    @admin.action(description=_("Make a new version (valid from tomorrow) to edit"))
    def new_version(self, request, queryset):
        with transaction.atomic():
            for scheme in queryset:
                last = CertificationScheme.objects.filter(level=scheme.level).order_by("-version").first()
                copy = CertificationScheme.objects.create(
                    level=scheme.level,
                    version=last.version + 1,
                    cycle_years=scheme.cycle_years,
                    note=scheme.note,
                    valid_from=timezone.localdate() + datetime.timedelta(days=1),
                )
                SchemeRequirement.objects.bulk_create(
                    SchemeRequirement(scheme=copy, kind=r.kind, amount=r.amount) for r in scheme.requirements.all()
                )
                audit.record("kring.recertification.scheme.versioned", by=request.user, obj=copy, source=scheme.pk)
        self.message_user(
            request, _("A new version has been made. Edit it before cycles start using it."), messages.SUCCESS
        )


@admin.register(SampleSetting)
class SampleSettingAdmin(OfficeModelAdmin):
    """Each change is a new row, so the history of the percentage stays."""

    list_display = ["percentage", "valid_from"]
    fields = ["percentage"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.salt = secrets.token_hex(16)
        super().save_model(request, obj, form, change)
        audit.record(
            "kring.recertification.sample_setting.changed", by=request.user, obj=obj, percentage=str(obj.percentage)
        )


@admin.register(CodeOfEthics)
class CodeOfEthicsAdmin(OfficeModelAdmin):
    list_display = ["version", "valid_from"]


@admin.register(Cycle)
class CycleAdmin(ReadOnlyOfficeAdmin):
    list_display = ["registration", "starts_on", "ends_on", "scheme"]
    search_fields = ["=registration__number"]


@admin.register(SampleDraw)
class SampleDrawAdmin(ReadOnlyOfficeAdmin):
    list_display = ["dossier", "drawn_at", "percentage", "value", "sampled", "seed"]
