"""The code of ethics (Erecode): versions with a date from which each applies, and who accepted which."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kring.members.models import Person


class EthicsCode(models.Model):
    """One version of the code, in full, in Dutch and English. A new version is a new row: the past
    versions stay readable on the public page."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    applies_from = models.DateField(_("applies from"))
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("code of ethics")
        verbose_name_plural = _("codes of ethics")
        ordering = ["-applies_from", "-pk"]

    def __str__(self):
        return self.version

    @classmethod
    def current(cls, on=None) -> EthicsCode | None:
        """The version that applies on ``on`` (today): the latest that has started."""
        return cls.objects.filter(applies_from__lte=on or timezone.localdate()).order_by("-applies_from", "-pk").first()

    @property
    def text(self) -> str:
        return self.text_en if (get_language() or "nl").startswith("en") else self.text_nl


class EthicsAcceptance(models.Model):
    """A trainer accepted this version of the code. Once per person and version."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ethics_acceptances")
    code = models.ForeignKey(EthicsCode, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "code"], name="one_acceptance_per_version")]

    def __str__(self):
        return f"{self.person_id} {self.code}"
