"""signed_in_user: the typed user of a request, and a refusal for anyone not signed in."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from lantoa.accounts.requests import signed_in_user
from lantoa.core.testing.personas import Personas


@pytest.mark.django_db
def test_a_signed_in_officer_is_returned_as_herself(personas: Personas) -> None:
    request = RequestFactory().get("/")
    request.user = personas.lan

    assert signed_in_user(request) == personas.lan


def test_an_anonymous_visitor_is_refused() -> None:
    # Given a view that forgot its login guard
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    # Then the helper refuses rather than handing an anonymous user to the queries
    with pytest.raises(PermissionDenied):
        signed_in_user(request)
