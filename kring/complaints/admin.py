"""The office writes new versions of the code of ethics in the admin.

Complaints themselves are deliberately absent: nothing of a case (``Case``, its entries, documents,
objections, rulings, destruction log) is registered here, because the office and superusers must not
read complaints. ``tests/test_seal.py`` checks the admin's registry.
"""

from django.contrib import admin

from kring.complaints.models import EthicsCode
from kring.complaints.services import ethics
from kring.core.admin import OfficeModelAdmin


@admin.register(EthicsCode)
class EthicsCodeAdmin(OfficeModelAdmin):
    list_display = ["version", "applies_from"]

    def save_model(self, request, obj, form, change):
        ethics.ethics_code_save(obj, changed=form.changed_data, by=request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # versions are history: a new one replaces an old one, nothing is deleted
