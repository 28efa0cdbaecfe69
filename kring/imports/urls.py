from django.urls import path

from kring.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path("voorbeeld.csv", views.example, name="example"),
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/bevestigen/", views.confirm, name="confirm"),
    path("<int:pk>/niet-importeren/", views.discard, name="discard"),
]
