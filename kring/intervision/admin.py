"""The office's view of intervision: groups, meetings and the group former's runs. Personal records
(with their private reflections) and the people someone must not be grouped with are deliberately
not in the admin."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.core import geo
from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin, is_office
from kring.intervision import office
from kring.intervision.models import (
    Attendance,
    Group,
    GroupMember,
    GroupProposal,
    JoinRequest,
    Meeting,
    ProposalMember,
    ProposalRun,
    Seeker,
)


class OfficeInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return is_office(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class ReadOnlyInline(OfficeInline):
    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_delete_permission = has_add_permission


class GroupMemberInline(OfficeInline):
    """A membership ends with a "left on" date; it is never deleted."""

    model = GroupMember
    autocomplete_fields = ["person"]
    can_delete = False

    def has_delete_permission(self, request, obj=None):
        return False


class GroupAdminForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        postcode, country = data.get("postcode"), data.get("country")
        if postcode and geo.lookup(postcode, country) is None:
            self.add_error(
                "postcode",
                _(
                    "We do not know this postcode. Enter a postcode in the Netherlands (for example 3512 AB) "
                    "or Belgium (for example 3000)."
                ),
            )
        return data


class MeetingInline(ReadOnlyInline):
    model = Meeting
    fields = ["starts_at", "duration_minutes", "mode", "method"]
    show_change_link = True


@admin.register(Group)
class GroupAdmin(OfficeModelAdmin):
    list_display = ["name", "coordinator", "mode", "place", "capacity", "free_places_shown", "closed_at"]
    list_filter = ["mode", "is_open", "country", "work_domain", "target_group", "experience", "closed_at"]
    search_fields = ["name", "place", "postcode", "coordinator__last_name", "coordinator__first_name"]
    autocomplete_fields = ["coordinator"]
    readonly_fields = ["place", "latitude", "longitude", "feed_token", "created_at"]
    inlines = [GroupMemberInline, MeetingInline]
    form = GroupAdminForm

    def get_queryset(self, request):
        return super().get_queryset(request).with_member_count().select_related("coordinator")

    def has_delete_permission(self, request, obj=None):
        return False  # groups are closed, never deleted: their meetings count for recertification

    def save_model(self, request, obj, form, change):
        office.group_office_save(obj, changed=form.changed_data, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not GroupMember:
            return super().save_formset(request, form, formset, change)  # meetings: read-only here
        formset.save(commit=False)
        for member in formset.new_objects:
            office.group_member_office_save(member, changed=["group", "person", "joined_on"], by=request.user)
        for member, changed in formset.changed_objects:
            office.group_member_office_save(member, changed=changed, by=request.user)

    @admin.display(description=_("free places"))
    def free_places_shown(self, group):
        return group.free_places


class AttendanceInline(ReadOnlyInline):
    model = Attendance
    fields = ["person", "registered_at", "confirmed_at", "confirmed_by_coordinator"]
    readonly_fields = fields


@admin.register(Meeting)
class MeetingAdmin(OfficeModelAdmin):
    list_display = ["group", "starts_at", "duration_minutes", "mode", "method"]
    list_filter = ["mode", "method", "mbi_tac_domain"]
    search_fields = ["group__name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["group"]
    inlines = [AttendanceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and office.meeting_is_frozen(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.attendances.exists())

    def save_model(self, request, obj, form, change):
        office.meeting_office_save(obj, changed=form.changed_data, by=request.user)

    def delete_model(self, request, obj):
        office.meeting_office_delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for meeting in queryset.filter(attendances__isnull=True).distinct():
            self.delete_model(request, meeting)


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadOnlyOfficeAdmin):
    list_display = ["group", "person", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["group__name", "person__last_name"]


@admin.register(Seeker)
class SeekerAdmin(ReadOnlyOfficeAdmin):
    list_display = ["person", "mode", "postcode", "work_domain", "experience_level", "created_at", "withdrawn_at"]
    list_filter = ["mode", "work_domain", "target_group", "experience_level", "withdrawn_at"]
    search_fields = ["person__last_name", "postcode"]


class ProposalMemberInline(ReadOnlyInline):
    model = ProposalMember
    fields = ["person", "answer", "answered_at"]
    readonly_fields = fields


@admin.register(GroupProposal)
class GroupProposalAdmin(ReadOnlyOfficeAdmin):
    list_display = ["pk", "run", "group", "mode", "slot", "score", "status", "created_at"]
    list_filter = ["status", "mode"]
    inlines = [ProposalMemberInline]


@admin.register(ProposalRun)
class ProposalRunAdmin(ReadOnlyOfficeAdmin):
    list_display = [
        "started_at",
        "by",
        "seekers_count",
        "placements_count",
        "proposals_count",
        "weakest_score",
        "seconds",
    ]
