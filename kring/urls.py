from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kring.core import views as core_views

# Outside the language prefix: machine endpoints whose URLs must never change.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/", include("kring.api.urls")),
]

# Pages: Dutch at /..., English at /en/...
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("over-ons/", core_views.public_page, {"key": "about"}, name="about"),
    path("contact/", core_views.public_page, {"key": "contact"}, name="contact"),
    path("privacy/", core_views.public_page, {"key": "privacy"}, name="privacy"),
    path("toegankelijkheid/", core_views.public_page, {"key": "accessibility"}, name="accessibility"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("kring.accounts.urls")),
    path("", include("kring.finance.urls")),
    path("mijn-gegevens/", include("kring.members.urls")),
    path("register/", include("kring.register.urls")),
    path("importeren/", include("kring.imports.urls")),
    path("intervisie/", include("kring.intervision.urls")),
    path("evenementen/", include("kring.events.urls")),
    path("herregistratie/", include("kring.recertification.urls")),
    path("opleidingen/", include("kring.accreditation.urls")),
    path("", include("kring.complaints.urls")),
    path("vinden/", include("kring.find.urls")),
    path("bureau/", admin.site.urls),
    prefix_default_language=False,
)

# Kring's own error pages, in the layout and the visitor's language (kring/core/errors.py).
handler403 = "kring.core.errors.permission_denied"
handler404 = "kring.core.errors.page_not_found"
handler500 = "kring.core.errors.server_error"
