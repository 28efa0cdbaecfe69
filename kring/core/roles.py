"""The roles the office grants. Member and trainer are not granted: they follow from the data.

They live in core because the access rules (``kring.core.access``) name them; ``accounts`` stores
the grants.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("Office")
    BOARD = "board", _("Board")
    CERTIFICATION = "certification", _("Certification committee")
    ACCREDITATION = "accreditation", _("Accreditation committee")
    COMPLAINTS = "complaints", _("Complaints committee")
