"""An import of the membership: the plan the dry run made (one row per line of the file), and what the
real run did with it. The uploaded file itself is never kept: only the checked values, which are
cleared once the run is done, so an import leaves a report and no second copy of the membership."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.members.models import Person


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting for your confirmation")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")

    filename = models.CharField(_("file"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CHECKED)
    language = models.CharField(_("language"), max_length=8, default="nl")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("checked by")
    )
    created_at = models.DateTimeField(_("checked"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("confirmed by")
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    to_import = models.PositiveIntegerField(default=0)  # rows the real run works through
    done = models.PositiveIntegerField(default=0)  # of those, rows finished

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.filename

    def tally(self, field: str = "action") -> dict[str, int]:
        """Rows per planned action (or per ``outcome`` of the real run), from the rows themselves."""
        rows = self.rows.order_by().values(field).annotate(n=models.Count("pk"))
        return {row[field]: row["n"] for row in rows}


class ImportRow(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "", _("Not yet imported")
        CREATED = "create", _("Created")
        UPDATED = "update", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        REFUSED = "refused", _("Refused")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("line"))
    name = models.CharField(_("name"), max_length=230, blank=True)
    action = models.CharField(_("planned"), max_length=10, choices=Outcome.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")
    values = models.JSONField(default=dict)  # the checked values; emptied when the run is done
    changes = models.JSONField(default=list)  # [code, params] findings, see rules.MESSAGES
    problems = models.JSONField(default=list)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    invite = models.BooleanField(default=False)  # a new account: its owner gets an invitation
    invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job", "line"]
        constraints = [models.UniqueConstraint(fields=["job", "line"], name="import_row_line_once")]
        indexes = [models.Index(fields=["job", "action", "outcome"])]

    def __str__(self):
        return f"{self.job_id}:{self.line}"
