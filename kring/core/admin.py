"""The office works in the Django admin. Access to it is the office role with two-factor set up,
checked here in one place instead of through Django's per-model permission strings."""

from django.contrib import admin

from kring.core.access import has_role, has_two_factor
from kring.core.models import AuditEntry


def is_office(request) -> bool:
    """Superusers too need two-factor: a stolen password alone must never open the office pages."""
    user = request.user
    return user.is_active and (user.is_superuser or has_role(user, "office")) and has_two_factor(user)


class OfficeModelAdmin(admin.ModelAdmin):
    """Every model the office manages: full access for the office, none for anyone else."""

    def has_module_permission(self, request):
        return is_office(request)

    def has_view_permission(self, request, obj=None):
        return is_office(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class DeleteOneByOne:
    """Bulk "delete selected" goes through ``delete_model`` (the app's service) for each object, so
    every deletion gets its audit entry; Django's default deletes the queryset in one statement."""

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class ReadOnlyOfficeAdmin(OfficeModelAdmin):
    """For history that nobody may rewrite (the audit trail, status histories)."""

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_delete_permission = has_add_permission


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyOfficeAdmin):
    list_display = ["at", "action", "source", "person_id", "object_type", "object_id"]
    list_filter = ["action"]
    search_fields = ["action", "source", "=person_id", "=object_id"]
    date_hierarchy = "at"
