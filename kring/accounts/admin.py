from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kring.accounts.models import RoleGrant, User
from kring.core.admin import OfficeModelAdmin


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0

    def has_add_permission(self, request, obj=None):
        return True

    has_change_permission = has_delete_permission = has_view_permission = has_add_permission


@admin.register(User)
class UserAdmin(OfficeModelAdmin):
    list_display = ["email", "language", "is_active", "last_login", "date_joined"]
    list_filter = ["is_active", "language", "role_grants__role"]
    search_fields = ["email"]
    fields = ["email", "language", "is_active", "last_login", "date_joined"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [RoleGrantInline]


@admin.register(RoleGrant)
class RoleGrantAdmin(OfficeModelAdmin):
    list_display = ["user", "role", "starts_on", "ends_on"]
    list_filter = ["role"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    verbose_name = _("role")
