import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kring.core.admin import DeleteOneByOne, OfficeModelAdmin, ReadOnlyOfficeAdmin
from kring.core.refusals import Refused
from kring.members import erasure_hook, services
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

    def has_delete_permission(self, request, obj=None):
        return False  # a membership keeps its status history; end it instead


def _save_practices(formset, person, by) -> None:
    formset.save(commit=False)
    for practice in formset.deleted_objects:
        services.practice_remove(practice, by=by)
    for practice in formset.new_objects:
        values = {name: getattr(practice, name) for name in services.PRACTICE_FIELDS}
        services.practice_add(person, by=by, **values)
    for practice, changed in formset.changed_objects:
        stored = PracticeAddress.objects.get(pk=practice.pk)
        services.practice_update(stored, by=by, **{name: getattr(practice, name) for name in changed})


def _save_memberships(formset, by) -> None:
    formset.save(commit=False)
    for membership in formset.new_objects:
        services.membership_add(membership, by=by, reason="added by the office")
    for membership, changed in formset.changed_objects:
        services.membership_update(membership, changed=changed, by=by)


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

    def has_delete_permission(self, request, obj=None):
        return False  # people's data is erased through an erasure request, which keeps what must stay

    def save_model(self, request, obj, form, change):
        lists = {name: form.cleaned_data[name] for name in services.PROFILE_LISTS if name in form.cleaned_data}
        services.person_office_save(obj, changed=form.changed_data, lists=lists, by=request.user)

    def save_related(self, request, form, formsets, change):
        """The lists were saved with the person; practices and memberships go through their services."""
        for formset in formsets:
            if formset.model is PracticeAddress:
                _save_practices(formset, form.instance, request.user)
            else:
                _save_memberships(formset, request.user)

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

    def has_delete_permission(self, request, obj=None):
        return False  # a membership keeps its status history; end it instead

    def save_model(self, request, obj, form, change):
        if change:
            services.membership_update(obj, changed=form.changed_data, by=request.user)
        else:
            services.membership_add(obj, by=request.user, reason="added by the office")

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
        return format_html_join("", "<p>{}</p>", ((item.what,) for item in erasure_hook.kept_for(erasure.person)))

    def has_add_permission(self, request, obj=None):
        return False  # people ask themselves, from their privacy page

    def save_model(self, request, obj, form, change):
        services.erasure_note(obj, note=obj.note, by=request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Carry out erasure"))
    def carry_out(self, request, queryset):
        """Like Django's delete confirmation: first what will be erased and what stays, then a button.
        Nothing is erased until the office confirms."""
        erasures = list(queryset.filter(status=ErasureRequest.Status.REQUESTED).select_related("person"))
        if not erasures:
            self.message_user(request, _("None of these requests is still waiting to be carried out."), messages.INFO)
            return None
        if request.POST.get("confirmed") != "yes":
            return TemplateResponse(
                request,
                "admin/members/erasure_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Erase these people's data?"),
                    "opts": self.model._meta,
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                    "rows": [
                        {
                            "erasure": erasure,
                            "name_kept": erasure_hook.name_is_kept(erasure.person),
                            "kept": erasure_hook.kept_for(erasure.person),
                        }
                        for erasure in erasures
                    ],
                },
            )
        done = 0
        for erasure in erasures:
            try:
                services.person_erase(erasure.person, by=request.user, request=erasure)
                done += 1
            except Refused as refused:
                self.message_user(request, f"{erasure.person}: {refused}", messages.WARNING)
        self.message_user(
            request,
            ngettext("%(count)d person's data erased.", "%(count)d people's data erased.", done) % {"count": done},
            messages.SUCCESS,
        )
        return None

    @admin.action(description=_("Decline"))
    def decline(self, request, queryset):
        done = 0
        for erasure in queryset.filter(status=ErasureRequest.Status.REQUESTED):
            try:
                services.erasure_decline(erasure, by=request.user)
                done += 1
            except Refused as refused:
                self.message_user(request, f"{erasure.person}: {refused}", messages.WARNING)
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
            (DeleteOneByOne, OfficeModelAdmin),
            {
                "list_display": ["name_nl", "name_en", "code", "position"],
                "search_fields": ["name_nl", "name_en"],
                "save_model": lambda self, request, obj, form, change: services.vocabulary_save(
                    obj, changed=form.changed_data, by=request.user
                ),
                "delete_model": lambda self, request, obj: services.vocabulary_delete(obj, by=request.user),
            },
        ),
    )
