from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.members.views import details, privacy, profile

app_name = "members"
urlpatterns = [
    path("", details.home, name="home"),
    path("contact/", details.contact, name="contact"),
    path(pgettext_lazy("url", "praktijken/"), details.practices, name="practices"),
    path(pgettext_lazy("url", "praktijken/nieuw/"), details.practice_add, name="practice_add"),
    path(pgettext_lazy("url", "praktijken/<int:pk>/"), details.practice_edit, name="practice_edit"),
    path(pgettext_lazy("url", "praktijken/<int:pk>/verwijderen/"), details.practice_delete, name="practice_delete"),
    path(pgettext_lazy("url", "profiel/"), profile.profile, name="profile"),
    path(pgettext_lazy("url", "profiel/foto/"), profile.photo_upload, name="photo_upload"),
    path(pgettext_lazy("url", "openbaar/"), profile.visibility, name="visibility"),
    path(pgettext_lazy("url", "foto/<int:pk>/"), profile.photo, name="photo"),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/download/", privacy.export, name="export"),
    path(pgettext_lazy("url", "privacy/wissen/"), privacy.erasure, name="erasure"),
    path(pgettext_lazy("url", "privacy/wissen/intrekken/"), privacy.erasure_withdraw, name="erasure_withdraw"),
    path(pgettext_lazy("url", "privacy/geschiedenis/"), privacy.audit_history, name="history"),
]
