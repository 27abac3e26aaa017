"""Reference organisations: the Government's ministries and the 34 provincial-level units."""

from django.db import transaction
from django.utils.text import slugify

from lantoa.accounts.models import Organization, OrganizationType
from lantoa.accounts.roles import ensure_roles
from lantoa.core.reference import GOVERNMENT_BODIES, PROVINCES

__all__ = ["GOVERNMENT_CODE", "load_reference_data"]

GOVERNMENT_CODE = "chinh-phu"


def _upsert(
    *, code: str, name: str, type: str, parent: Organization | None, short: str = ""
) -> Organization:
    org, _ = Organization.objects.update_or_create(
        code=code, defaults={"name": name, "type": type, "parent": parent, "short_name": short}
    )
    return org


@transaction.atomic
def load_reference_data() -> int:
    """Create or update the roles and reference organisations; returns how many organisations exist."""
    ensure_roles()
    government = _upsert(
        code=GOVERNMENT_CODE, name="Chính phủ", type=OrganizationType.MINISTRY, parent=None
    )
    for body in GOVERNMENT_BODIES:
        _upsert(
            code=slugify(body.code),
            name=body.name,
            type=OrganizationType.MINISTRY,
            parent=government,
            short=body.code,
        )
    for province in PROVINCES:
        _upsert(
            code=f"tinh-{slugify(province.code)}",
            name=province.full_name,
            type=OrganizationType.PROVINCE,
            parent=None,
            short=province.name,
        )
    return Organization.objects.count()
