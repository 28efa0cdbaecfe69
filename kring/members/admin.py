from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kring.core.admin import OfficeModelAdmin, ReadOnlyOfficeAdmin
from kring.members.models import (
    ErasureRequest,
    Membership,
    MembershipStatusChange,
    MembershipType,
    Person,
    PracticeAddress,
    SpokenLanguage,
    TargetGroup,
    TaughtProgramme,
    WorkDomain,
)


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
    list_display = ["full_name", "email", "phone", "place", "membership", "created_at"]
    list_filter = ["memberships__type", "memberships__status", "practices__country", "work_domains",
                   "programmes", "erased_at"]
    search_fields = ["first_name", "last_name", "email", "phone", "practices__place", "practices__postcode",
                     "registrations__number"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["work_domains", "target_groups", "languages", "programmes"]
    inlines = [PracticeInline, MembershipInline]
    readonly_fields = ["created_at", "erased_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("practices", "memberships__type")

    @admin.display(description=_("place"))
    def place(self, person):
        practices = list(person.practices.all())
        return practices[0].place if practices else ""

    @admin.display(description=_("membership"))
    def membership(self, person):
        current = [m for m in person.memberships.all() if m.status == "active"]
        return ", ".join(str(m.type) for m in current)


@admin.register(Membership)
class MembershipAdmin(OfficeModelAdmin):
    list_display = ["person", "type", "starts_on", "ends_on", "status"]
    list_filter = ["type", "status", "starts_on"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    autocomplete_fields = ["person"]
    list_select_related = ["person", "type"]
    date_hierarchy = "starts_on"


@admin.register(MembershipStatusChange)
class MembershipStatusChangeAdmin(ReadOnlyOfficeAdmin):
    list_display = ["membership", "status", "on", "reason", "recorded_by"]
    list_filter = ["status"]


@admin.register(ErasureRequest)
class ErasureRequestAdmin(OfficeModelAdmin):
    list_display = ["person", "requested_at", "status", "decided_at"]
    list_filter = ["status"]
    readonly_fields = ["person", "requested_at", "status", "decided_at", "decided_by"]


for vocabulary in (WorkDomain, TargetGroup, SpokenLanguage, TaughtProgramme, MembershipType):
    admin.site.register(vocabulary, type(f"{vocabulary.__name__}Admin", (OfficeModelAdmin,), {
        "list_display": ["name_nl", "name_en", "code", "position"], "search_fields": ["name_nl", "name_en"]}))
