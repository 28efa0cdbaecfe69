"""Group proposals: who must not be grouped with whom, the former's runs and what they proposed.

A ``ProposalRun`` is one run of the group former over everyone looking for a group. It stores a
``GroupProposal`` for each proposed new group and for each free place it suggests in an existing
group (``group`` set, one member). Each person in a proposal answers on their ``ProposalMember``
row: accept or decline. A new group starts once four have accepted; a proposal lapses when too few
people remain to start it. ``SeekerAvoid`` holds the pairs the former never puts together.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.intervision.models.groups import MIN_SIZE, Group, Mode
from kring.members.models import Person

START_WHEN_ACCEPTED = MIN_SIZE


class SeekerAvoid(models.Model):
    """``person`` must not be in a group with ``other`` (a supervisor, a supervisee, a conflict).
    Either side saying so is enough; the other person is not told."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_avoids")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("not in a group with"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("person not to be grouped with")
        verbose_name_plural = _("people not to be grouped with")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="intervision_avoid_once"),
            models.CheckConstraint(condition=~models.Q(person=models.F("other")), name="intervision_avoid_not_self"),
        ]

    def __str__(self):
        return f"{self.person} ≠ {self.other}"


class ProposalRun(models.Model):
    """One run of the group former, with its figures and who could not be placed, and why."""

    started_at = models.DateTimeField(_("run at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("run by"),
    )
    seed = models.IntegerField(_("seed"), default=0)
    seekers_count = models.PositiveIntegerField(_("people looking"), default=0)
    open_groups_count = models.PositiveIntegerField(_("groups with free places"), default=0)
    placements_count = models.PositiveIntegerField(_("places suggested in existing groups"), default=0)
    proposals_count = models.PositiveIntegerField(_("new groups proposed"), default=0)
    weakest_score = models.FloatField(_("weakest group's score"), default=1.0)
    seconds = models.FloatField(_("seconds"), default=0.0)
    unplaced = models.JSONField(_("not placed, with the reason"), default=list, blank=True)

    class Meta:
        verbose_name = _("group former run")
        verbose_name_plural = _("group former runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class GroupProposalQuerySet(models.QuerySet):
    def of_person(self, person: Person):
        return self.filter(answers__person=person).distinct()


class GroupProposal(models.Model):
    """A proposed new group (``group`` empty) or a suggested place in an existing ``group``."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        STARTED = "started", _("Started")
        LAPSED = "lapsed", _("Lapsed")

    run = models.ForeignKey(ProposalRun, on_delete=models.CASCADE, related_name="proposals")
    group = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("existing group"),
    )
    started_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("group started")
    )
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.LIVE)
    language = models.CharField(_("language"), max_length=10, blank=True)
    slot = models.CharField(_("moment"), max_length=30, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    score = models.FloatField(_("score"), default=0.0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = GroupProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("group proposal")
        verbose_name_plural = _("group proposals")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return f"{self.run} #{self.pk}"


class ProposalMember(models.Model):
    """One person in a proposal and their answer."""

    class Answer(models.TextChoices):
        OPEN = "", _("Not answered yet")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    proposal = models.ForeignKey(GroupProposal, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_proposals")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True, default=Answer.OPEN)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("person in a proposal")
        verbose_name_plural = _("people in a proposal")
        ordering = ["proposal", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="intervision_once_per_proposal"),
        ]

    def __str__(self):
        return f"{self.person} – {self.proposal}"
