import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin
from kring.members import services
from kring.members.models import (
    ErasureRequest,
    Membership,
    MembershipStatus,
    MembershipStatusChange,
    MembershipType,
    Person,
    PracticeAddress,
    SpokenLanguage,
    TargetGroup,
    TaughtProgramme,
    WorkDomain,
)
from kring.members.profile_hook import public_profile_changed


class PracticeInline(admin.StackedInline):
    model = PracticeAddress
    extra = 0

    def has_add_permission(self, request, obj=None):
        return True

    has_change_permission = has_delete_permission = has_view_permission = has_add_permission


class MembershipInline(PracticeInline):
    model = Membership
    fields = ["type", "starts_on", "ends_on", "status"]
    readonly_fields = ["status"]


@admin.register(Person)
class PersonAdmin(OfficeModelAdmin):
    list_display = ["full_name", "email", "phone", "place", "membership", "registration", "created_at"]
    list_filter = [
        "memberships__type",
        "memberships__status",
        "practices__country",
        "work_domains",
        "programmes",
        "erased_at",
    ]
    search_fields = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "practices__place",
        "practices__postcode",
        "registrations__number",
    ]
    autocomplete_fields = ["user"]
    filter_horizontal = ["work_domains", "target_groups", "languages", "programmes"]
    inlines = [PracticeInline, MembershipInline]
    readonly_fields = ["created_at", "erased_at", "audit_trail"]
    list_per_page = 50
    show_full_result_count = False
    actions = ["download_data"]

    @admin.action(description=_("Download all data of this person (JSON)"))
    def download_data(self, request, queryset):
        """For access requests that reach the office by mail or phone: the same file people download."""
        if queryset.count() != 1:
            self.message_user(request, _("Please select one person."), messages.WARNING)
            return None
        person = queryset.get()
        data = services.person_export(person, by=request.user)
        response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="kring-person-{person.pk}.json"'
        return response

    def save_related(self, request, form, formsets, change):
        """The office can change public data here too; keep every copy of the public profile in step."""
        super().save_related(request, form, formsets, change)
        public_profile_changed(form.instance.pk)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("practices", "memberships__type", "registrations")

    @admin.display(description=_("registration"))
    def registration(self, person):
        return ", ".join(r.number for r in person.registrations.all())

    @admin.display(description=_("audit trail"))
    def audit_trail(self, person):
        if person.pk is None:
            return ""
        url = reverse("admin:core_auditentry_changelist") + f"?person_id={person.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Who changed this person's data"))

    @admin.display(description=_("place"))
    def place(self, person):
        practices = list(person.practices.all())
        return practices[0].place if practices else ""

    @admin.display(description=_("membership"))
    def membership(self, person):
        current = [m for m in person.memberships.all() if m.status == "active"]
        return ", ".join(str(m.type) for m in current)


def _status_action(status, label):
    def action(modeladmin, request, queryset):
        changed = 0
        for membership in queryset.exclude(status=status):
            services.membership_change_status(membership, status, by=request.user)
            changed += 1
        modeladmin.message_user(
            request,
            ngettext("%(count)d membership changed.", "%(count)d memberships changed.", changed) % {"count": changed},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status}"
    return admin.action(description=label)(action)


class StatusHistoryInline(admin.TabularInline):
    model = MembershipStatusChange
    extra = 0
    fields = ["status", "on", "reason", "recorded_by", "recorded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    has_change_permission = has_delete_permission = has_add_permission

    def has_view_permission(self, request, obj=None):
        return True


@admin.register(Membership)
class MembershipAdmin(OfficeModelAdmin):
    list_display = ["person", "type", "starts_on", "ends_on", "status"]
    list_filter = ["type", "status", "starts_on"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    autocomplete_fields = ["person"]
    list_select_related = ["person", "type"]
    date_hierarchy = "starts_on"
    readonly_fields = ["status"]
    inlines = [StatusHistoryInline]
    actions = [
        _status_action(MembershipStatus.ACTIVE, _("Mark as active")),
        _status_action(MembershipStatus.LAPSED, _("Mark as lapsed")),
        _status_action(MembershipStatus.ENDED, _("Mark as ended")),
    ]


@admin.register(MembershipStatusChange)
class MembershipStatusChangeAdmin(ReadOnlyOfficeAdmin):
    list_display = ["membership", "status", "on", "reason", "recorded_by"]
    list_filter = ["status"]


@admin.register(ErasureRequest)
class ErasureRequestAdmin(OfficeModelAdmin):
    """Requests to erase data. The office carries them out (``services.person_erase``) or declines them."""

    list_display = ["person", "requested_at", "status", "decided_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["person", "decided_by"]
    search_fields = ["person__first_name", "person__last_name"]
    readonly_fields = ["person", "requested_at", "status", "decided_at", "decided_by", "kept"]
    fields = ["person", "requested_at", "status", "kept", "decided_at", "decided_by", "note"]
    actions = ["carry_out", "decline"]

    @admin.display(description=_("kept after erasure"))
    def kept(self, erasure):
        numbers = ", ".join(r.number for r in erasure.person.registrations.all())
        if numbers:
            return _("The name, registrations %(numbers)s with their history, memberships and the audit trail.") % {
                "numbers": numbers
            }
        return _("The name, memberships and the audit trail.")

    def has_add_permission(self, request, obj=None):
        return False  # people ask themselves, from their privacy page

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Carry out erasure"))
    def carry_out(self, request, queryset):
        done = 0
        for erasure in queryset.filter(status=ErasureRequest.Status.REQUESTED).select_related("person"):
            services.person_erase(erasure.person, by=request.user, request=erasure)
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d person's data erased.", "%(count)d people's data erased.", done) % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline"))
    def decline(self, request, queryset):
        done = 0
        for erasure in queryset.filter(status=ErasureRequest.Status.REQUESTED):
            services.erasure_decline(erasure, by=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d request declined.", "%(count)d requests declined.", done) % {"count": done},
            messages.SUCCESS,
        )


for vocabulary in (WorkDomain, TargetGroup, SpokenLanguage, TaughtProgramme, MembershipType):
    admin.site.register(
        vocabulary,
        type(
            f"{vocabulary.__name__}Admin",
            (OfficeModelAdmin,),
            {"list_display": ["name_nl", "name_en", "code", "position"], "search_fields": ["name_nl", "name_en"]},
        ),
    )
