"""The office reads the CPD log in the admin; only the trainer and Kring itself write it."""

from django.contrib import admin

from kring.core.admin import ReadOnlyOfficeAdmin
from kring.cpd.models import Activity


@admin.register(Activity)
class ActivityAdmin(ReadOnlyOfficeAdmin):
    list_display = ["person", "kind", "date", "hours", "days", "source"]
    list_filter = ["kind"]
    search_fields = ["=person__registrations__number"]
    exclude = ["evidence", "description"]
