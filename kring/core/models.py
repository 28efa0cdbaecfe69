"""The audit trail: an append-only, hash-chained record of who changed what.

Entries never hold the personal data itself, only which fields changed, so the trail can be kept
after a person's data is erased. Every entry names its source (an account or a process) and a
dot-namespaced action (``kring.members.person.changed``). Each entry's hash covers the previous
entry's hash, so a removed or edited row breaks the chain (``verify_chain``).
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    source = models.CharField(_("source"), max_length=100, help_text=_("The account or process that made the change."))
    action = models.CharField(_("action"), max_length=120, db_index=True)
    person_id = models.BigIntegerField(_("about person"), null=True, blank=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def compute_hash(self) -> str:
        payload = json.dumps(
            [
                self.previous_hash,
                self.at.isoformat() if self.at else "",
                self.source,
                self.action,
                self.person_id,
                self.object_type,
                self.object_id,
                self.data,
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)
        # The hash covers the stored timestamp, so it is set right after the insert.
        self.hash = self.compute_hash()
        AuditEntry.objects.filter(pk=self.pk).update(hash=self.hash)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be deleted.")


class WorkerBeat(models.Model):
    """The last sign of life of one task worker (``manage.py kring_worker``). A worker writes its row
    every few seconds; tasks still marked running by a worker whose row has gone quiet are abandoned
    (the process was killed or its machine went away) and are retried or failed by the next worker."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    beat_at = models.DateTimeField(_("last sign of life"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return self.worker_id
