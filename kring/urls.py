from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kring.core import views as core_views

# Outside the language prefix: machine endpoints whose URLs must never change.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/", include("kring.api.urls")),
]

# Pages: Dutch at /..., English at /en/...
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("kring.accounts.urls")),
    path("mijn-gegevens/", include("kring.members.urls")),
    path("register/", include("kring.register.urls")),
    path("intervisie/", include("kring.intervision.urls")),
    path("evenementen/", include("kring.events.urls")),
    path("herregistratie/", include("kring.recertification.urls")),
    path("bureau/", admin.site.urls),
    prefix_default_language=False,
)
