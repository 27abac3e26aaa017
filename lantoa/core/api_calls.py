"""One way for every API write to answer: the domain's refusals become 403 and 422 answers."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from ninja import Status

__all__ = ["answer"]


def answer(call: Callable[[], Any], *, status: int = 200) -> Status:
    """Run ``call`` in one transaction and answer with its result under ``status``.

    The actions raise ``PermissionDenied`` for a user who may not act (403) and ``ValueError``
    for a request the rules refuse (422); either way the answer is ``{"detail": message}`` and
    nothing the call wrote is kept.
    """
    try:
        with transaction.atomic():
            return Status(status, call())
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied) or "Không có quyền."})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
