"""The board's pages for accreditation: the institutes' objections, and its final decision on each."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kring.accreditation import forms
from kring.accreditation.services import decisions
from kring.accreditation.visibility import board_objections
from kring.core.access import allow
from kring.core.refusals import Refused, on_form

BOARD = "board"


@allow(BOARD)
def objections(request):
    rows = board_objections(request.user).order_by("board_decided_at", "filed_at")
    return render(request, "accreditation/board_objections.html", {"objections": rows})


@allow(BOARD)
def objection(request, pk):
    objection = get_object_or_404(board_objections(request.user), pk=pk)
    form = forms.BoardDecisionForm(request.POST or None)
    if request.method == "POST" and not objection.board_outcome and form.is_valid():
        try:
            decisions.objection_decide(objection, by=request.user, **form.cleaned_data)
            messages.success(request, _("The board's decision has been recorded. It is final."))
            return redirect("accreditation:board_objections")
        except Refused as refused:
            on_form(form, refused)
    return render(request, "accreditation/board_objection.html", {"objection": objection, "form": form})
