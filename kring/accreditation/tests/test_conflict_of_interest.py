"""The chair assigns reviewers; a reviewer who teaches at or works for the institute cannot review,
and every reviewer states their conflicts before they assess."""

import pytest
from django.urls import reverse

from kring.accreditation.models import Assessment, Reviewer, Verdict
from kring.accreditation.services import institutes, review
from kring.core.refusals import Refused
from tests import factories as t

ALL_MEET = {kind: (Verdict.MEETS, "") for kind in ["curriculum_hours", "contact_hours"]}


def test_the_chair_assigns_a_reviewer_who_states_no_conflict_and_assesses(submitted, chair, colleague):
    reviewer = review.reviewer_assign(submitted, user=colleague.user, by=chair.user)
    review.conflict_state(reviewer, has_conflict=False, statement="", by=colleague.user)
    review.assessment_save(reviewer, verdicts=ALL_MEET, by=colleague.user)
    assert Assessment.objects.filter(reviewer=reviewer).count() == 2


def test_only_the_chair_assigns(submitted, accreditation, colleague):
    with pytest.raises(Refused, match="voorzitter|chair"):
        review.reviewer_assign(submitted, user=colleague.user, by=accreditation.user)
    assert not Reviewer.objects.exists()


def test_a_reviewer_who_teaches_at_the_institute_is_refused(submitted, chair, colleague, the_institute, institute):
    institutes.teacher_add(
        the_institute, name="Carla Commissie", email=colleague.email, qualification="Docent", by=institute.user
    )
    with pytest.raises(Refused) as refused:
        review.reviewer_assign(submitted, user=colleague.user, by=chair.user)
    assert refused.value.field == "user"
    assert not Reviewer.objects.exists()


def test_a_reviewer_who_works_for_the_institute_is_refused(submitted, chair, colleague, the_institute):
    t.make_institute_staff(colleague.user, the_institute)
    with pytest.raises(Refused):
        review.reviewer_assign(submitted, user=colleague.user, by=chair.user)


def test_a_reviewer_with_a_stated_conflict_cannot_assess(submitted, chair, colleague):
    reviewer = review.reviewer_assign(submitted, user=colleague.user, by=chair.user)
    with pytest.raises(Refused):
        review.assessment_save(reviewer, verdicts=ALL_MEET, by=colleague.user)  # no statement yet
    with pytest.raises(Refused):
        review.conflict_state(reviewer, has_conflict=True, statement="", by=colleague.user)  # needs a word
    review.conflict_state(reviewer, has_conflict=True, statement="Ik heb er lesgegeven.", by=colleague.user)
    with pytest.raises(Refused):
        review.assessment_save(reviewer, verdicts=ALL_MEET, by=colleague.user)
    assert not Assessment.objects.exists()


def test_a_committee_member_who_teaches_there_does_not_see_the_application(
    submitted, colleague, the_institute, institute, login
):
    institutes.teacher_add(
        the_institute, name="Carla", email=colleague.email, qualification="Docent", by=institute.user
    )
    client = login(colleague)
    assert client.get(reverse("accreditation:committee_application", args=[submitted.pk])).status_code == 404
    assert submitted.programme.name not in client.get(reverse("accreditation:committee_queue")).content.decode()


def test_a_committee_member_without_conflict_sees_it(submitted, colleague, login):
    response = login(colleague).get(reverse("accreditation:committee_application", args=[submitted.pk]))
    assert response.status_code == 200
    assert submitted.programme.name in response.content.decode()
