from django.urls import path
from django.utils.translation import pgettext_lazy

from kring.complaints.views import committee, parties, public

app_name = "complaints"

urlpatterns = [
    path(pgettext_lazy("url", "erecode/"), public.ethics_page, name="ethics"),
    path(pgettext_lazy("url", "erecode/versie/<str:version>/"), public.ethics_page, name="ethics_version"),
    path(pgettext_lazy("url", "erecode/accepteren/"), public.ethics_accept, name="ethics_accept"),
    path(pgettext_lazy("url", "klachten/indienen/"), public.file_complaint, name="file"),
    path(pgettext_lazy("url", "klachten/volgen/<str:token>/"), public.follow, name="follow"),
    path(pgettext_lazy("url", "klachten/nieuwe-link/"), public.new_link, name="new_link"),
    path(pgettext_lazy("url", "klachten/uitspraken/"), public.rulings, name="rulings"),
    path(pgettext_lazy("url", "klachten/uitspraken/<int:pk>/"), public.ruling, name="ruling"),
    path(pgettext_lazy("url", "klachten/commissie/"), committee.case_list, name="committee_list"),
    path(pgettext_lazy("url", "klachten/commissie/<int:pk>/"), committee.case_detail, name="committee_case"),
    path(
        pgettext_lazy("url", "klachten/commissie/<int:pk>/document/<int:document_pk>/"),
        committee.document,
        name="committee_document",
    ),
    path(pgettext_lazy("url", "klachten/commissie/<int:pk>/conflict/"), committee.conflict, name="committee_conflict"),
    path(pgettext_lazy("url", "klachten/commissie/<int:pk>/<slug:step>/"), committee.case_step, name="committee_step"),
    path(
        pgettext_lazy("url", "klachten/commissie/uitspraak/<int:pk>/goedkeuren/"),
        committee.ruling_approve,
        name="ruling_approve",
    ),
    path(pgettext_lazy("url", "klachten/over-mij/"), parties.trainer_cases, name="trainer_cases"),
    path(pgettext_lazy("url", "klachten/over-mij/<int:pk>/"), parties.trainer_case, name="trainer_case"),
    path(pgettext_lazy("url", "klachten/over-mij/<int:pk>/<slug:step>/"), parties.trainer_step, name="trainer_step"),
    path(pgettext_lazy("url", "klachten/bureau/"), parties.office_counts, name="office_counts"),
    path(pgettext_lazy("url", "klachten/bureau/erecode/"), parties.office_ethics, name="office_ethics"),
]
