from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.finance import views_join, views_member, views_office

app_name = "finance"
urlpatterns = [
    path(pgettext_lazy("url", "mijn-gegevens/facturen/"), views_member.my_invoices, name="my_invoices"),
    path(pgettext_lazy("url", "mijn-gegevens/facturen/<int:pk>/pdf/"), views_member.invoice_pdf, name="my_invoice_pdf"),
    path(pgettext_lazy("url", "mijn-gegevens/machtiging/<int:pk>/"), views_member.mandate, name="my_mandate"),
    path(pgettext_lazy("url", "mijn-gegevens/machtiging/nieuw/"), views_member.mandate_new, name="mandate_new"),
    path(pgettext_lazy("url", "lid-worden/"), views_join.join, name="join"),
    path(pgettext_lazy("url", "financien/aanmeldingen/"), views_join.applications, name="applications"),
    path(
        pgettext_lazy("url", "financien/aanmeldingen/<int:pk>/"),
        views_join.application_decide,
        name="application_decide",
    ),
    path(pgettext_lazy("url", "financien/"), views_office.overview, name="office"),
    path(pgettext_lazy("url", "financien/jaarrun/"), views_office.yearly_run, name="yearly_run"),
    path(pgettext_lazy("url", "financien/incasso/"), views_office.collections, name="collections"),
    path(pgettext_lazy("url", "financien/incasso/<int:pk>/"), views_office.collection, name="collection"),
    path(
        pgettext_lazy("url", "financien/incasso/<int:pk>/pain008.xml"),
        views_office.collection_file,
        name="collection_file",
    ),
    path(pgettext_lazy("url", "financien/bank/"), views_office.bank, name="bank"),
    path(pgettext_lazy("url", "financien/bank/<int:pk>/"), views_office.bank_entry, name="bank_entry"),
]
