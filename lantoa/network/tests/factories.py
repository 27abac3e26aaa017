"""Factories for network tests."""

import io
import itertools
from typing import Any

from openpyxl import Workbook

from lantoa.accounts.models import Organization, OrganizationType
from lantoa.core.testing.factories import make_organization
from lantoa.network.importing import COLUMNS
from lantoa.network.models import Contact, ContactKind, OutletKind, OutletProfile, Release
from lantoa.network.vocabulary import to_tags

_sequence = itertools.count(1)


def make_outlet(name: str, *, kind: OutletKind = OutletKind.ONLINE, **fields: Any) -> Organization:
    outlet = make_organization(name=name, type=OrganizationType.PRESS, **fields)
    OutletProfile.objects.create(organization=outlet, kind=kind)
    return outlet


def make_contact(*, owner: Organization, **fields: Any) -> Contact:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "kind": ContactKind.JOURNALIST,
        "full_name": f"Nhà báo thử nghiệm {n}",
        "email": f"nha-bao-{n}@bao.lantoa.invalid",
        "consent": True,
    }
    for key in ("beats", "provinces"):
        if key in fields:
            fields[key] = to_tags(list(fields[key]))
    return Contact.objects.create(owner=owner, **{**defaults, **fields})


def make_release(*, owner: Organization, **fields: Any) -> Release:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "title": f"Thông cáo thử nghiệm số {n}",
        "summary": "Tóm tắt thông cáo.",
        "body": f"Nội dung thông cáo thử nghiệm số {n} về chuyển đổi số.",
    }
    return Release.objects.create(owner=owner, **{**defaults, **fields})


def journalist_rows(count: int, *, outlet: str) -> list[list[str]]:
    """``count`` valid journalist rows in COLUMNS order; every third covers health in Hà Nội."""
    rows = []
    for i in range(1, count + 1):
        health = i % 3 == 0
        rows.append(
            [
                f"Phóng viên {i:03d}",
                "Phóng viên",
                "Phóng viên",
                outlet,
                "Y tế; Giáo dục" if health else "Kinh tế",
                "Hà Nội" if health else "Huế",
                "Thư điện tử",
                f"pv{i:03d}@bao.lantoa.invalid",
                f"09{i:08d}",
                "",
                "có",
                "có",
            ]
        )
    return rows


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([header for _, header in COLUMNS])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
