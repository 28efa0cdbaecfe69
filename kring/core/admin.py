"""The office works in the Django admin. Access to it is the office role with two-factor set up,
checked here in one place instead of through Django's per-model permission strings."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kring.core import identity, public_pages
from kring.core.access import has_role, has_two_factor
from kring.core.models import Association, AuditEntry, PublicPage


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


class AssociationForm(forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        try:
            identity.check(self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Association)
class AssociationAdmin(OfficeModelAdmin):
    """The one row of the association's identity: changed through ``identity.update``, never added
    or removed."""

    form = AssociationForm
    fieldsets = [
        (None, {"fields": ["name", "short_name", "logo"]}),
        (_("Address and contact"), {"fields": ["street", "postcode", "city", "country", "email", "phone", "website"]}),
        (
            _("Registration and bank"),
            {"fields": ["kvk_number", "vat_number", "vat_status", "vat_exemption", "iban", "bic", "creditor_id"]},
        ),
    ]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        identity.update(obj, by=request.user, fields=form.changed_data)


class PublicPageForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in public_pages.empty_messages().items():
            self.fields[name].error_messages["required"] = message


@admin.register(PublicPage)
class PublicPageAdmin(OfficeModelAdmin):
    """The five public pages: their texts changed through ``public_pages.page_update``; the pages
    themselves are fixed, never added or removed."""

    form = PublicPageForm
    list_display = ["__str__", "title_nl", "title_en", "changed_at"]
    readonly_fields = ["changed_at"]
    fieldsets = [
        (None, {"fields": ["changed_at"]}),
        (_("Dutch"), {"fields": ["title_nl", "body_nl"]}),
        (_("English"), {"fields": ["title_en", "body_en"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        help_text = _(
            "Plain text; an empty line starts a new paragraph. ## at the start of a line makes a heading, "
            "- a list, **word** bold, [text](https://…) a link."
        )
        kwargs["help_texts"] = {"body_nl": help_text, "body_en": help_text}
        return super().get_form(request, obj, **kwargs)

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        public_pages.page_update(obj, by=request.user, fields=form.changed_data)
