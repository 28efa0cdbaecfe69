"""The office manages insurers and their keys; the call log and bulk jobs are read-only history."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.api import services
from kring.api.models import ApiCall, ApiKey, BulkJob, Insurer
from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin


@admin.register(Insurer)
class InsurerAdmin(OfficeModelAdmin):
    list_display = ["name", "contact_email", "created_at"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.insurer_save(obj, changed=form.changed_data, by=request.user)


@admin.register(ApiKey)
class ApiKeyAdmin(OfficeModelAdmin):
    list_display = ["prefix", "insurer", "name", "rate_per_minute", "created_at", "revoked_at"]
    list_filter = ["insurer", ("revoked_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["prefix", "scope", "created_at", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "insurer"] if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the call log keeps pointing at the key

    def save_model(self, request, obj, form, change):
        if change:
            services.api_key_update(obj, changed=form.changed_data, by=request.user)
            return
        key, secret = services.api_key_create(obj.insurer, name=obj.name, by=request.user)
        if obj.rate_per_minute != key.rate_per_minute:
            key.rate_per_minute = obj.rate_per_minute
            services.api_key_update(key, changed=["rate_per_minute"], by=request.user)
        obj.pk, obj.prefix, obj.hashed_secret, obj.created_at = key.pk, key.prefix, key.hashed_secret, key.created_at
        messages.warning(
            request,
            _(
                "The new key is: %(secret)s — copy it now and give it to the insurer. Kring "
                "keeps only a fingerprint of it and cannot show it again."
            )
            % {"secret": secret},
        )

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):
        keys = list(queryset.filter(revoked_at__isnull=True))
        for key in keys:
            services.api_key_revoke(key, by=request.user)
        self.message_user(
            request, ngettext("%(count)d key revoked.", "%(count)d keys revoked.", len(keys)) % {"count": len(keys)}
        )


@admin.register(ApiCall)
class ApiCallAdmin(ReadOnlyOfficeAdmin):
    list_display = ["at", "insurer", "key", "method", "path", "query", "status_code"]
    list_filter = ["insurer", "status_code"]
    list_select_related = ["insurer", "key"]
    date_hierarchy = "at"


@admin.register(BulkJob)
class BulkJobAdmin(ReadOnlyOfficeAdmin):
    list_display = ["created_at", "insurer", "status", "total_rows", "processed_rows", "finished_at"]
    list_filter = ["insurer", "status"]
    exclude = ["rows", "result"]
