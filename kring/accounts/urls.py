from django.urls import path

from kring.accounts import views

app_name = "accounts"
urlpatterns = [
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("twee-staps/", views.two_factor_required, name="two_factor_required"),
]
