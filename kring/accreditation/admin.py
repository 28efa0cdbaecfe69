"""The office keeps institutes, their staff grants, the committee's chair and the criteria versions
in the admin. Every save goes through the services; the status of an accreditation is changed on
its own page (suspend, withdraw, reinstate) and its history is never rewritten."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kring.accreditation.models import Chair, CriteriaVersion, Criterion, Institute, InstituteStaff, Programme
from kring.accreditation.services import criteria, institutes
from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin, is_office


class StaffInline(admin.TabularInline):
    model = InstituteStaff
    extra = 0
    fields = ["user", "starts_on", "ends_on", "note"]
    raw_id_fields = ["user"]

    def has_view_permission(self, request, obj=None):
        return is_office(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(Institute)
class InstituteAdmin(OfficeModelAdmin):
    list_display = ["name", "city", "country", "email"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StaffInline]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        institutes.institute_save(obj, changed=form.changed_data, by=request.user)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        for grant in formset.deleted_objects:
            institutes.staff_grant_remove(grant, by=request.user)
        for grant in [*formset.new_objects, *(g for g, _f in formset.changed_objects)]:
            institutes.staff_grant_save(grant, changed=["user", "starts_on", "ends_on"], by=request.user)


@admin.register(Chair)
class ChairAdmin(OfficeModelAdmin):
    list_display = ["user", "starts_on", "ends_on"]
    raw_id_fields = ["user"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        institutes.chair_save(obj, changed=form.changed_data, by=request.user)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0

    def has_change_permission(self, request, obj=None):
        return is_office(request) and (obj is None or not obj.in_use)

    has_add_permission = has_delete_permission = has_change_permission

    def has_view_permission(self, request, obj=None):
        return is_office(request)


@admin.register(CriteriaVersion)
class CriteriaVersionAdmin(OfficeModelAdmin):
    list_display = ["__str__", "valid_from", "validity_years"]
    inlines = [CriterionInline]
    actions = ["new_version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.in_use:
            return ["version", "valid_from", "validity_years", "note"]
        return ["version"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        criteria.criteria_save(obj, changed=form.changed_data, by=request.user)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        if formset.new_objects or formset.changed_objects or formset.deleted_objects:
            criteria.criteria_items_save(
                form.instance,
                added=formset.new_objects,
                changed=[item for item, _fields in formset.changed_objects],
                removed=formset.deleted_objects,
                by=request.user,
            )

    @admin.action(description=_("Make a new version (valid from tomorrow) to edit"))
    def new_version(self, request, queryset):
        for version in queryset:
            criteria.criteria_new_version(version, by=request.user)
        self.message_user(
            request, _("A new version has been made. Edit it before applications use it."), messages.SUCCESS
        )


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyOfficeAdmin):
    """Institutes add their programmes; the office reads them and changes an accreditation's status."""

    list_display = ["name", "institute", "place", "online", "status_link"]
    list_select_related = ["institute"]
    search_fields = ["name", "institute__name"]

    @admin.display(description=_("status of the accreditation"))
    def status_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("accreditation:programme_status", args=[obj.pk]), _("change"))
