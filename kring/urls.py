from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import pgettext_lazy

from kring.core import views as core_views

# Outside the language prefix: machine endpoints whose URLs must never change.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/", include("kring.api.urls")),
]

# Pages: Dutch at /..., English at /en/... with English paths. Every path is Dutch in the source,
# pgettext_lazy("url", ...), and the English catalogues give its English (the prefixes below in
# kring/locale/en). Old English links, /en/ and a Dutch path, redirect (kring/core/old_links.py).
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path(pgettext_lazy("url", "over-ons/"), core_views.public_page, {"key": "about"}, name="about"),
    path("contact/", core_views.public_page, {"key": "contact"}, name="contact"),
    path("privacy/", core_views.public_page, {"key": "privacy"}, name="privacy"),
    path(
        pgettext_lazy("url", "toegankelijkheid/"),
        core_views.public_page,
        {"key": "accessibility"},
        name="accessibility",
    ),
    path("accounts/", include("allauth.urls")),
    path("account/", include("kring.accounts.urls")),
    path("", include("kring.finance.urls")),
    path(pgettext_lazy("url", "mijn-gegevens/"), include("kring.members.urls")),
    path("register/", include("kring.register.urls")),
    path(pgettext_lazy("url", "importeren/"), include("kring.imports.urls")),
    path(pgettext_lazy("url", "intervisie/"), include("kring.intervision.urls")),
    path(pgettext_lazy("url", "evenementen/"), include("kring.events.urls")),
    path(pgettext_lazy("url", "herregistratie/"), include("kring.recertification.urls")),
    path(pgettext_lazy("url", "opleidingen/"), include("kring.accreditation.urls")),
    path("", include("kring.complaints.urls")),
    path(pgettext_lazy("url", "vinden/"), include("kring.find.urls")),
    path(pgettext_lazy("url", "bureau/"), admin.site.urls),
    prefix_default_language=False,
)

# Kring's own error pages, in the layout and the visitor's language (kring/core/errors.py).
handler403 = "kring.core.errors.permission_denied"
handler404 = "kring.core.errors.page_not_found"
handler500 = "kring.core.errors.server_error"
