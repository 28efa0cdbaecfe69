from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path(pgettext_lazy("url", "voorbeeld.csv"), views.example, name="example"),
    path("<int:pk>/", views.job, name="job"),
    path(pgettext_lazy("url", "<int:pk>/bevestigen/"), views.confirm, name="confirm"),
    path(pgettext_lazy("url", "<int:pk>/niet-importeren/"), views.discard, name="discard"),
]
