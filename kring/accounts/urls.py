from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.accounts import views

app_name = "accounts"
urlpatterns = [
    path(pgettext_lazy("url", "uitnodiging/<str:token>/"), views.invitation, name="invitation"),
    path(pgettext_lazy("url", "twee-staps/"), views.two_factor_required, name="two_factor_required"),
]
