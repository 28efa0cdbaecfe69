"""The office keeps schemes, the sample setting and the code of ethics in the admin.

A scheme that a cycle uses is never changed: the office copies it into a new version with a later
"valid from" day, which applies to cycles that start from then on. Earlier versions stay.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from kring.core.admin import DeleteOneByOne, OfficeModelAdmin, ReadOnlyOfficeAdmin, is_office
from kring.recertification.models import (
    CertificationScheme,
    CodeOfEthics,
    Cycle,
    SampleDraw,
    SampleSetting,
    SchemeRequirement,
)
from kring.recertification.services import office


class RequirementInline(admin.TabularInline):
    model = SchemeRequirement
    extra = 0

    def has_change_permission(self, request, obj=None):
        return is_office(request) and (obj is None or not obj.in_use)

    has_add_permission = has_delete_permission = has_change_permission

    def has_view_permission(self, request, obj=None):
        return is_office(request)


@admin.register(CertificationScheme)
class CertificationSchemeAdmin(DeleteOneByOne, OfficeModelAdmin):
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
        office.scheme_save(obj, changed=form.changed_data, by=request.user)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        if formset.new_objects or formset.changed_objects or formset.deleted_objects:
            office.scheme_requirements_save(
                form.instance,
                added=formset.new_objects,
                changed=[requirement for requirement, _fields in formset.changed_objects],
                removed=formset.deleted_objects,
                by=request.user,
            )

    def delete_model(self, request, obj):
        office.scheme_delete(obj, by=request.user)

    @admin.action(description=_("Make a new version (valid from tomorrow) to edit"))
    def new_version(self, request, queryset):
        for scheme in queryset:
            office.scheme_new_version(scheme, by=request.user)
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
        office.sample_setting_add(obj, by=request.user)


@admin.register(CodeOfEthics)
class CodeOfEthicsAdmin(DeleteOneByOne, OfficeModelAdmin):
    list_display = ["version", "valid_from"]

    def save_model(self, request, obj, form, change):
        office.code_of_ethics_save(obj, changed=form.changed_data, by=request.user)

    def delete_model(self, request, obj):
        office.code_of_ethics_delete(obj, by=request.user)


@admin.register(Cycle)
class CycleAdmin(ReadOnlyOfficeAdmin):
    list_display = ["registration", "starts_on", "ends_on", "scheme"]
    search_fields = ["=registration__number"]


@admin.register(SampleDraw)
class SampleDrawAdmin(ReadOnlyOfficeAdmin):
    list_display = ["dossier", "drawn_at", "percentage", "value", "sampled", "seed"]
