from django.urls import path

from kring.members.views import details, privacy, profile

app_name = "members"
urlpatterns = [
    path("", details.home, name="home"),
    path("contact/", details.contact, name="contact"),
    path("praktijken/", details.practices, name="practices"),
    path("praktijken/nieuw/", details.practice_add, name="practice_add"),
    path("praktijken/<int:pk>/", details.practice_edit, name="practice_edit"),
    path("praktijken/<int:pk>/verwijderen/", details.practice_delete, name="practice_delete"),
    path("profiel/", profile.profile, name="profile"),
    path("profiel/foto/", profile.photo_upload, name="photo_upload"),
    path("openbaar/", profile.visibility, name="visibility"),
    path("foto/<int:pk>/", profile.photo, name="photo"),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/download/", privacy.export, name="export"),
    path("privacy/wissen/", privacy.erasure, name="erasure"),
    path("privacy/wissen/intrekken/", privacy.erasure_withdraw, name="erasure_withdraw"),
    path("privacy/geschiedenis/", privacy.audit_history, name="history"),
]
