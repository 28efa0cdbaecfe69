"""``/api/v1/``: the insurers' API. Which calls are logged is said per operation (``@logged``)."""

from django.urls import path
from django.views.generic import RedirectView

from kring.api.api import api, not_found

app_name = "api"


def api_urls():
    patterns, app, namespace = api.urls
    urls = [pattern for pattern in patterns if pattern.name != "api-root"]
    # ninja's own root page answers only in DEBUG; send people to the documentation instead.
    root = path("", RedirectView.as_view(pattern_name="api:v1:openapi-view"), name="api-root")
    # Any other address under /api/v1/ answers the documented JSON error, not the site's HTML page.
    unknown = path("<path:rest>", not_found, name="unknown")
    return [*urls, root, unknown], app, namespace


urlpatterns = [
    path("v1/", api_urls()),
]
