from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kring.accounts import services
from kring.accounts.models import RoleGrant, User
from kring.core.admin import DeleteOneByOne, OfficeModelAdmin


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

    def has_delete_permission(self, request, obj=None):
        return False  # switch the account off (active) instead; erasure closes it for good

    def save_model(self, request, obj, form, change):
        services.user_office_save(obj, changed=form.changed_data, by=request.user)

    def save_formset(self, request, form, formset, change):
        save_grants(formset, request.user)


def save_grants(formset, by) -> None:
    formset.save(commit=False)
    for grant in formset.deleted_objects:
        services.role_grant_remove(grant, by=by)
    for grant in formset.new_objects:
        services.role_grant_save(grant, changed=["role", "starts_on", "ends_on"], by=by)
    for grant, changed in formset.changed_objects:
        services.role_grant_save(grant, changed=changed, by=by)


@admin.register(RoleGrant)
class RoleGrantAdmin(DeleteOneByOne, OfficeModelAdmin):
    list_display = ["user", "role", "starts_on", "ends_on"]
    list_filter = ["role"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    verbose_name = _("role")

    def save_model(self, request, obj, form, change):
        services.role_grant_save(obj, changed=form.changed_data, by=request.user)

    def delete_model(self, request, obj):
        services.role_grant_remove(obj, by=request.user)
