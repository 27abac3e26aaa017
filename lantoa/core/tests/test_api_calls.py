"""answer(): an API write answers with its result, or refuses as a whole with 403 or 422."""

import pytest
from django.core.exceptions import PermissionDenied

from lantoa.accounts.models import Organization
from lantoa.core.api_calls import answer
from lantoa.core.testing.factories import make_organization

pytestmark = pytest.mark.django_db


def test_a_write_that_succeeds_answers_with_its_result_and_status() -> None:
    result = answer(lambda: {"id": 7}, status=201)

    assert (result.status_code, result.value) == (201, {"id": 7})


def test_a_refused_user_gets_403_with_the_reason() -> None:
    def refuse() -> None:
        raise PermissionDenied("Chỉ đơn vị chủ trì được sửa kế hoạch.")

    result = answer(refuse)

    assert (result.status_code, result.value) == (
        403,
        {"detail": "Chỉ đơn vị chủ trì được sửa kế hoạch."},
    )


def test_a_refusal_without_a_reason_still_says_why_in_vietnamese() -> None:
    def refuse() -> None:
        raise PermissionDenied

    assert answer(refuse).value == {"detail": "Không có quyền."}


def test_an_invalid_write_gets_422_and_keeps_nothing_it_wrote() -> None:
    # Given a write that creates a record, then finds the request invalid
    def create_then_refuse() -> None:
        make_organization(name="Sở tạm", code="so-tam")
        raise ValueError("Ngân sách phải là số không âm.")

    # When the API answers it
    result = answer(create_then_refuse)

    # Then the caller is told why, and the half-done write is rolled back
    assert (result.status_code, result.value) == (422, {"detail": "Ngân sách phải là số không âm."})
    assert not Organization.objects.filter(code="so-tam").exists()
