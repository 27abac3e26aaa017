from typing import Any

from lantoa.accounts.models import Organization
from lantoa.factcheck.models import Category, Claim, ClaimEvent, EventKind


def make_claim(*, owner: Organization, **fields: Any) -> Claim:
    defaults: dict[str, Any] = {
        "statement": "Từ ngày 1/7 người dân phải nộp phí 500.000 đồng khi đổi căn cước mới",
        "category": Category.POLICY,
    }
    claim = Claim.objects.create(owner=owner, **{**defaults, **fields})
    ClaimEvent.objects.create(claim=claim, kind=EventKind.CREATED, text=claim.statement)
    return claim


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
