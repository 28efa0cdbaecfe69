"""An institute's application for a programme: answers per criterion, documents, frozen versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.accreditation.models.criteria import CriteriaVersion, Kind
from kring.accreditation.models.institutes import Programme


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Being written by the institute")
    COMMITTEE = "committee", _("With the accreditation committee")
    QUESTIONS = "questions", _("Waiting for the institute's answer")
    DECIDED = "decided", _("Decided")


class Application(models.Model):
    """One application for accreditation (or re-accreditation) of a programme.

    The institute writes answers as it goes; each submit freezes them in an ``ApplicationVersion``.
    The criteria version is fixed at the first submit: the application is judged by it to the end.
    """

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="applications")
    criteria = models.ForeignKey(
        CriteriaVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("starts from")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("application for accreditation")
        verbose_name_plural = _("applications for accreditation")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme"],
                condition=~models.Q(status="decided"),
                name="one_open_accreditation_application",
            )
        ]

    def __str__(self):
        return f"{self.programme} ({self.created_at:%Y-%m-%d})"


class Answer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    kind = models.CharField(_("criterion"), max_length=30, choices=Kind.choices)
    number = models.DecimalField(
        pgettext_lazy("amount", "number"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    text = models.TextField(_("explanation"), max_length=5000, blank=True)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="one_answer_per_criterion")]


def document_path(document, filename: str) -> str:
    return f"accreditation/{document.application_id}/{timezone.now():%Y%m%d%H%M%S%f}"


class Document(models.Model):
    """A supporting document (curriculum, staff CVs, assessment form), checked like CPD evidence."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("criterion"), max_length=30, choices=Kind.choices, blank=True)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    content_type = models.CharField(max_length=40)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["uploaded_at", "pk"]


class ApplicationVersion(models.Model):
    """What the institute submitted, frozen: answers and document list as they were."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    criteria = models.ForeignKey(CriteriaVersion, on_delete=models.PROTECT, related_name="submitted_versions")
    content = models.JSONField(_("content"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["application", "number"]
        constraints = [models.UniqueConstraint(fields=["application", "number"], name="one_number_per_version")]

    def __str__(self):
        return f"{self.application} v{self.number}"
