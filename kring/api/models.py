"""Insurers, their API keys, the log of every call and bulk verification jobs.

A key's secret is shown once, when the office creates it; Kring keeps only its SHA-256 hash and a
short prefix by which people can recognise the key in lists and logs.
"""

from __future__ import annotations

import hashlib
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class Insurer(models.Model):
    """A health insurer (zorgverzekeraar) that verifies registrations through the API."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("insurer")
        verbose_name_plural = _("insurers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ApiKey(models.Model):
    """One key of one insurer. Scope: reading the register, nothing else."""

    SCOPE_READ_REGISTER = "register:read"

    insurer = models.ForeignKey(Insurer, on_delete=models.PROTECT, related_name="keys", verbose_name=_("insurer"))
    name = models.CharField(
        _("name"), max_length=80, blank=True, help_text=_("For example the system or department that uses the key.")
    )
    prefix = models.CharField(
        pgettext_lazy("API key", "prefix"),
        max_length=16,
        unique=True,
        editable=False,
        help_text=_("The first characters of the key, to recognise it."),
    )
    hashed_secret = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(_("scope"), max_length=40, default=SCOPE_READ_REGISTER, editable=False)
    rate_per_minute = models.PositiveIntegerField(
        _("requests per minute"), default=120, help_text=_("More requests in one minute get 'too many requests'.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["insurer", "-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.insurer})"


class ApiCall(models.Model):
    """One request to the API: who asked what, when, and what the answer's status was."""

    key = models.ForeignKey(
        ApiKey, null=True, blank=True, on_delete=models.PROTECT, related_name="calls", verbose_name=_("API key")
    )
    insurer = models.ForeignKey(
        Insurer, null=True, blank=True, on_delete=models.PROTECT, related_name="calls", verbose_name=_("insurer")
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    method = models.CharField(_("method"), max_length=8)
    path = models.CharField(_("path"), max_length=300)
    query = models.CharField(_("what was asked"), max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(_("status code"))

    class Meta:
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.method} {self.path} {self.status_code}"


class BulkJob(models.Model):
    """A bulk verification: the uploaded (number, date) pairs, the progress and the result file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    insurer = models.ForeignKey(Insurer, on_delete=models.PROTECT, related_name="bulk_jobs", verbose_name=_("insurer"))
    key = models.ForeignKey(ApiKey, on_delete=models.PROTECT, related_name="bulk_jobs", verbose_name=_("API key"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows = models.JSONField(_("rows"), default=list, help_text=_("The uploaded pairs of number and date."))
    total_rows = models.PositiveIntegerField(_("rows in total"))
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    result = models.TextField(_("result (CSV)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk verification")
        verbose_name_plural = _("bulk verifications")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.insurer} {self.created_at:%Y-%m-%d %H:%M} ({self.total_rows})"
