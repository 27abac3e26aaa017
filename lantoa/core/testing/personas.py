"""Named personas for permission tests (after healthchecks' Alice, Bob and Charlie).

- Lan: communication officer of Hà Nội (province A).
- Bình: communication officer of Huế (province B). Lan must never reach Bình's private records.
- Hà: analyst in a Hà Nội department (a child of Hà Nội): reads, but does not edit.
- Minh: platform administrator at the centre: reaches everything.
"""

from dataclasses import dataclass

import pytest

from lantoa.accounts.models import Organization, OrganizationType, Role, User
from lantoa.core.testing.factories import make_organization, make_user


@dataclass(frozen=True)
class Personas:
    hanoi: Organization
    hanoi_department: Organization
    hue: Organization
    lan: User
    binh: User
    ha: User
    minh: User


@pytest.fixture
def personas(db: None) -> Personas:
    hanoi = make_organization(name="Thành phố Hà Nội", code="ha-noi")
    hue = make_organization(name="Thành phố Huế", code="hue")
    department = make_organization(
        name="Sở Văn hóa và Thể thao Hà Nội",
        code="so-vhtt-ha-noi",
        type=OrganizationType.DEPARTMENT,
        parent=hanoi,
    )
    centre = make_organization(
        name="Chính phủ", code="chinh-phu-test", type=OrganizationType.MINISTRY
    )
    return Personas(
        hanoi=hanoi,
        hanoi_department=department,
        hue=hue,
        lan=make_user(username="lan", role=Role.OFFICER, organization=hanoi),
        binh=make_user(username="binh", role=Role.OFFICER, organization=hue),
        ha=make_user(username="ha", role=Role.ANALYST, organization=department),
        minh=make_user(username="minh", role=Role.ADMINISTRATOR, organization=centre),
    )
