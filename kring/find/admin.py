"""The office's pages: supervisor recognitions (through the services), courses and retreats to look at."""

from django.contrib import admin

from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin
from kring.find import services
from kring.find.models import Course, Retreat, SupervisorRecognition

CRITERIA = ["years_experience", "courses_given", "training_days", "training_completed_on"]


@admin.register(SupervisorRecognition)
class SupervisorRecognitionAdmin(OfficeModelAdmin):
    """A recognition is a period of the history: once recorded, only its end date can be set."""

    list_display = ["person", "starts_on", "ends_on", *CRITERIA]
    search_fields = ["person__last_name", "person__first_name"]
    raw_id_fields = ["person"]
    fields = ["person", "starts_on", "ends_on", *CRITERIA, "note"]

    def get_readonly_fields(self, request, obj=None):
        return ["person", "starts_on", *CRITERIA, "note"] if obj else []

    def has_delete_permission(self, request, obj=None):
        return False  # the history of recognitions is kept, like the register's

    def save_model(self, request, obj, form, change):
        if change:
            if obj.ends_on is not None:
                services.supervisor_recognition_end(obj, ends_on=obj.ends_on, by=request.user)
            return
        saved = services.supervisor_recognise(
            person=obj.person,
            starts_on=obj.starts_on,
            ends_on=obj.ends_on,
            years_experience=obj.years_experience,
            courses_given=obj.courses_given,
            training_days=obj.training_days,
            training_completed_on=obj.training_completed_on,
            note=obj.note,
            by=request.user,
        )
        obj.pk = saved.pk


@admin.register(Course)
class CourseAdmin(ReadOnlyOfficeAdmin):
    list_display = ["programme", "starts_on", "place", "online", "registration", "withdrawn_at"]
    list_filter = ["programme", "online"]
    date_hierarchy = "starts_on"


@admin.register(Retreat)
class RetreatAdmin(ReadOnlyOfficeAdmin):
    list_display = ["title", "starts_on", "ends_on", "days", "place", "registration"]
    date_hierarchy = "starts_on"
