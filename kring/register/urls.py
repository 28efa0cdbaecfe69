from django.urls import path

from kring.register import views

app_name = "register"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("open-data/register.csv", views.open_data_csv, name="open_data_csv"),
    path("open-data/register.json", views.open_data_json, name="open_data_json"),
    path("office/register.csv", views.office_register_csv, name="office_register_csv"),
    path("office/recognitions.csv", views.office_recognitions_csv, name="office_recognitions_csv"),
    path("<str:number>/", views.detail, name="detail"),
    path("<str:number>/proof.pdf", views.proof, name="proof"),
]
