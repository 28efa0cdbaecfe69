"""Data that people read in two languages (membership types, work domains, ...)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class TranslatedNameModel(models.Model):
    """An abstract model for a small vocabulary kept as data, named in Dutch and English."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name_nl"]

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_nl

    def __str__(self):
        return self.name
