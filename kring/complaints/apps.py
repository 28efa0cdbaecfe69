from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "kring.complaints"
    verbose_name = _("Complaints")
    # Only the code of ethics is in the Django admin (admin.py); complaints never are.
