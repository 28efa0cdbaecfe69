from django.urls import path

from kring.finance import views_join, views_member, views_office

app_name = "finance"
urlpatterns = [
    path("mijn-gegevens/facturen/", views_member.my_invoices, name="my_invoices"),
    path("mijn-gegevens/facturen/<int:pk>/pdf/", views_member.invoice_pdf, name="my_invoice_pdf"),
    path("mijn-gegevens/machtiging/<int:pk>/", views_member.mandate, name="my_mandate"),
    path("mijn-gegevens/machtiging/nieuw/", views_member.mandate_new, name="mandate_new"),
    path("lid-worden/", views_join.join, name="join"),
    path("financien/aanmeldingen/", views_join.applications, name="applications"),
    path("financien/aanmeldingen/<int:pk>/", views_join.application_decide, name="application_decide"),
    path("financien/", views_office.overview, name="office"),
    path("financien/jaarrun/", views_office.yearly_run, name="yearly_run"),
    path("financien/incasso/", views_office.collections, name="collections"),
    path("financien/incasso/<int:pk>/", views_office.collection, name="collection"),
    path("financien/incasso/<int:pk>/pain008.xml", views_office.collection_file, name="collection_file"),
    path("financien/bank/", views_office.bank, name="bank"),
    path("financien/bank/<int:pk>/", views_office.bank_entry, name="bank_entry"),
]
