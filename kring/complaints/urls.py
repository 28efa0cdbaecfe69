from django.urls import path

from kring.complaints.views import committee, parties, public

app_name = "complaints"

urlpatterns = [
    path("erecode/", public.ethics_page, name="ethics"),
    path("erecode/versie/<str:version>/", public.ethics_page, name="ethics_version"),
    path("erecode/accepteren/", public.ethics_accept, name="ethics_accept"),
    path("klachten/indienen/", public.file_complaint, name="file"),
    path("klachten/volgen/<str:token>/", public.follow, name="follow"),
    path("klachten/nieuwe-link/", public.new_link, name="new_link"),
    path("klachten/uitspraken/", public.rulings, name="rulings"),
    path("klachten/uitspraken/<int:pk>/", public.ruling, name="ruling"),
    path("klachten/commissie/", committee.case_list, name="committee_list"),
    path("klachten/commissie/<int:pk>/", committee.case_detail, name="committee_case"),
    path("klachten/commissie/<int:pk>/document/<int:document_pk>/", committee.document, name="committee_document"),
    path("klachten/commissie/<int:pk>/conflict/", committee.conflict, name="committee_conflict"),
    path("klachten/commissie/<int:pk>/<slug:step>/", committee.case_step, name="committee_step"),
    path("klachten/commissie/uitspraak/<int:pk>/goedkeuren/", committee.ruling_approve, name="ruling_approve"),
    path("klachten/over-mij/", parties.trainer_cases, name="trainer_cases"),
    path("klachten/over-mij/<int:pk>/", parties.trainer_case, name="trainer_case"),
    path("klachten/over-mij/<int:pk>/<slug:step>/", parties.trainer_step, name="trainer_step"),
    path("klachten/bureau/", parties.office_counts, name="office_counts"),
    path("klachten/bureau/erecode/", parties.office_ethics, name="office_ethics"),
]
