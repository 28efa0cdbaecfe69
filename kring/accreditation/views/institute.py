"""Pages of institute staff: their institutes, programmes, teachers, applications and graduates.
Every row is reached through ``kring.accreditation.access``, so another institute's id gives 404."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.accreditation import access, forms, history
from kring.accreditation.models import (
    ORDER,
    ApplicationStatus,
    CriteriaVersion,
    Decision,
    Document,
    Programme,
    Question,
)
from kring.accreditation.services import applications, decisions, graduates, institutes, review
from kring.accreditation.visibility import committee_applications
from kring.core.access import INSTITUTE, allow, has_role
from kring.core.downloads import stored_file
from kring.core.refusals import Refused, as_message, on_form

ACCREDITATION_ROLE = "accreditation"


@allow(INSTITUTE)
def institute_home(request):
    mine = access.institutes_of(request.user).prefetch_related("programmes__periods", "programmes__applications")
    today = timezone.localdate()
    rows = [
        (institute, [(p, history.status_on(p, today), _open(p)) for p in institute.programmes.all()])
        for institute in mine
    ]
    return render(request, "accreditation/institute_home.html", {"rows": rows})


def _open(programme: Programme):
    return next((a for a in programme.applications.all() if a.status != ApplicationStatus.DECIDED), None)


@allow(INSTITUTE)
def programme_new(request, pk):
    institute = access.institute_for_user(request.user, pk)
    form = forms.ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            institutes.programme_create(institute, form.details(), by=request.user)
            messages.success(request, _("The programme has been added."))
            return redirect("accreditation:institute_home")
        except Refused as refused:
            on_form(form, refused)
    return render(
        request, "accreditation/form_page.html", {"form": form, "title": _("Add a programme"), "institute": institute}
    )


@allow(INSTITUTE)
def programme_edit(request, pk):
    """The institute changes its programme: place, next start date, language and description."""
    programme = access.programme_for_user(request.user, pk)
    form = forms.ProgrammeForm.of(programme, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            institutes.programme_change(programme, form.details(), by=request.user)
            messages.success(request, _("The programme has been changed."))
            return redirect("accreditation:institute_home")
        except Refused as refused:
            on_form(form, refused)
    context = {"form": form, "title": _("Change the programme"), "institute": programme.institute}
    return render(request, "accreditation/form_page.html", context)


@allow(INSTITUTE)
def teachers(request, pk):
    institute = access.institute_for_user(request.user, pk)
    form = forms.TeacherForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            institutes.teacher_add(institute, **form.cleaned_data, by=request.user)
            messages.success(request, _("The teacher has been added."))
            return redirect("accreditation:teachers", pk=institute.pk)
        except Refused as refused:
            on_form(form, refused)
    return render(
        request,
        "accreditation/teachers.html",
        {"institute": institute, "form": form, "teachers": institute.teachers.all()},
    )


@require_POST
@allow(INSTITUTE)
def application_start(request, pk):
    programme = access.programme_for_user(request.user, pk)
    application = applications.application_start(programme, by=request.user)
    return redirect("accreditation:application", pk=application.pk)


def _criteria_of(application):
    return application.criteria or CriteriaVersion.objects.valid_on(timezone.localdate())


@allow(INSTITUTE)
def application(request, pk):
    application = access.application_for_user(request.user, pk)
    criteria = _criteria_of(application)
    answers = {a.kind: a for a in application.answers.all()}
    rows = sorted(((c, answers.get(c.kind)) for c in criteria.criteria.all()), key=lambda r: ORDER.index(r[0].kind))
    context = {
        "application": application,
        "criteria": criteria,
        "rows": rows,
        "missing": applications.missing(application, criteria),
        "documents": application.documents.all(),
        "document_form": forms.DocumentForm(),
        "questions": application.questions.all(),
        "answer_form": forms.AnswerQuestionForm(),
        "decisions": application.decisions.prefetch_related("conditions").select_related("objection"),
        "editable": application.status in applications.EDITABLE,
    }
    return render(request, "accreditation/application.html", context)


@allow(INSTITUTE)
def criterion(request, pk, kind):
    application = access.application_for_user(request.user, pk)
    criterion = get_object_or_404(_criteria_of(application).criteria, kind=kind)
    answer = application.answers.filter(kind=kind).first()
    initial = {"number": answer.number, "text": answer.text} if answer else None
    form = forms.AnswerForm(request.POST or None, initial=initial, numeric=criterion.numeric)
    if request.method == "POST" and form.is_valid():
        try:
            applications.answer_save(
                application,
                kind=kind,
                number=form.cleaned_data.get("number"),
                text=form.cleaned_data["text"],
                by=request.user,
            )
            messages.success(request, _("Saved. You can go on with the next criterion whenever you like."))
            return redirect("accreditation:application", pk=application.pk)
        except Refused as refused:
            on_form(form, refused)
    return render(
        request, "accreditation/criterion.html", {"application": application, "criterion": criterion, "form": form}
    )


@require_POST
@allow(INSTITUTE)
def document_add(request, pk):
    application = access.application_for_user(request.user, pk)
    form = forms.DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            applications.document_add(
                application,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                file=form.cleaned_data["file"],
                content_type=form.content_type,
                by=request.user,
            )
            messages.success(request, _("The document has been added."))
        except Refused as refused:
            as_message(request, refused)
    else:
        messages.info(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("accreditation:application", pk=application.pk)


@require_POST
@allow(INSTITUTE)
def application_submit(request, pk):
    application = access.application_for_user(request.user, pk)
    try:
        applications.application_submit(application, by=request.user)
        messages.success(request, _("Thank you. Your application is with the accreditation committee."))
    except Refused as refused:
        as_message(request, refused)
    return redirect("accreditation:application", pk=application.pk)


@require_POST
@allow(INSTITUTE)
def question_answer(request, pk):
    question = get_object_or_404(
        Question, pk=pk, application__programme__institute__in=access.institutes_of(request.user)
    )
    form = forms.AnswerQuestionForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(_("Please write your answer."))
        review.question_answer(question, answer=form.cleaned_data["answer"], by=request.user)
        messages.success(request, _("Thank you for your answer. The committee goes on with the review."))
    except Refused as refused:
        as_message(request, refused)
    return redirect("accreditation:application", pk=question.application_id)


@allow(INSTITUTE)
def objection(request, pk):
    decision = get_object_or_404(
        Decision.objects.select_related("application__programme"),
        pk=pk,
        application__programme__institute__in=access.institutes_of(request.user),
    )
    form = forms.ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.objection_file(decision, text=form.cleaned_data["text"], by=request.user)
            messages.success(request, _("Your objection has been sent to the board."))
            return redirect("accreditation:application", pk=decision.application_id)
        except Refused as refused:
            on_form(form, refused)
    return render(request, "accreditation/objection.html", {"decision": decision, "form": form})


@allow(INSTITUTE, ACCREDITATION_ROLE)
def document(request, pk):
    """A document, for the institute's own staff and the committee members who may see the application."""
    mine = Document.objects.filter(application__programme__institute__in=access.institutes_of(request.user))
    if has_role(request.user, ACCREDITATION_ROLE):
        mine = mine | Document.objects.filter(application__in=committee_applications(request.user))
    document = get_object_or_404(mine.distinct(), pk=pk)
    return stored_file(
        document.file, name=document.title or f"document-{document.pk}", content_type=document.content_type
    )


@allow(INSTITUTE)
def graduates_page(request, pk):
    programme = access.programme_for_user(request.user, pk)
    # Two forms on one page; the submit button's name says which one was sent.
    form = forms.GraduateForm(request.POST if "single" in request.POST else None, prefix="single")
    file_form = forms.GraduatesFileForm(
        request.POST if "file" in request.POST else None, request.FILES or None, prefix="file"
    )
    report = None
    if request.method == "POST" and "single" in request.POST and form.is_valid():
        try:
            graduates.graduate_report(programme, **form.cleaned_data, by=request.user)
            messages.success(request, _("The graduate has been reported."))
            return redirect("accreditation:graduates", pk=programme.pk)
        except Refused as refused:
            on_form(form, refused)
    if request.method == "POST" and "file" in request.POST and file_form.is_valid():
        try:
            report = graduates.graduates_import(
                programme.institute,
                data=file_form.cleaned_data["file"],
                dry_run=file_form.cleaned_data["dry_run"],
                by=request.user,
            )
        except Refused as refused:
            on_form(file_form, refused)
    context = {
        "programme": programme,
        "form": form,
        "file_form": file_form,
        "report": report,
        "graduates": programme.graduates.all(),
    }
    return render(request, "accreditation/graduates.html", context)
