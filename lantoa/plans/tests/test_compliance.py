"""The compliance board: who has issued a plan, on time or late, with counts and exports."""

import io
from datetime import date

import docx
import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from lantoa.accounts.models import Organization, OrganizationType, Role
from lantoa.core.testing.factories import make_organization, make_user
from lantoa.core.testing.personas import Personas
from lantoa.plans.actions import set_deadline
from lantoa.plans.compliance import ChildPlan, default_deadline, group_counts, judge
from lantoa.plans.exports import board_docx, board_xlsx
from lantoa.plans.labels import count_label
from lantoa.plans.models import PlanStatus
from lantoa.plans.queries import compliance_board
from lantoa.plans.tests.factories import make_issued_plan, make_plan


def _child(n: int, kind: str, issued: bool, on: date | None) -> ChildPlan:
    return ChildPlan(n, f"Đơn vị {n}", kind, n if issued else None, None, issued, "", on)


def test_on_time_means_approved_by_the_deadline() -> None:
    rows = judge(
        [
            _child(1, "department", True, date(2026, 1, 31)),
            _child(2, "department", True, date(2026, 2, 1)),
            _child(3, "department", False, None),
            _child(4, "commune", True, date(2025, 12, 20)),
        ],
        default_deadline(2026),
    )

    assert [r.on_time for r in rows] == [True, False, None, True]
    counts = group_counts(rows)
    assert [(c.organization_type, c.issued, c.total, c.on_time, c.late) for c in counts] == [
        ("department", 2, 3, 1, 1),
        ("commune", 1, 1, 1, 0),
    ]


def _province_with_children(
    departments: int, issued_departments: int, communes: int, issued_communes: int
) -> Organization:
    province = make_organization(name="Tỉnh Thử Nghiệm", code="tinh-thu-nghiem")
    for n in range(departments):
        child = make_organization(
            name=f"Sở số {n + 1:02d}", type=OrganizationType.DEPARTMENT, parent=province
        )
        if n < issued_departments:
            make_issued_plan(organization=child, approved_on=date(2026, 1, 15 + n))
        else:
            make_plan(organization=child, status=PlanStatus.SUBMITTED)
    for n in range(communes):
        child = make_organization(
            name=f"Xã số {n + 1:02d}", type=OrganizationType.COMMUNE, parent=province
        )
        if n < issued_communes:
            make_issued_plan(organization=child, approved_on=date(2026, 1, 10))
    return province


def test_board_counts_nine_of_eighteen_departments(db: None) -> None:
    province = _province_with_children(18, 9, 8, 4)

    board = compliance_board(province, 2026)

    assert [count_label(c) for c in board.counts] == ["4/8 xã, phường, đặc khu", "9/18 sở, ngành"]
    departments = next(c for c in board.counts if c.organization_type == "department")
    # Approved 15..23 January: all on or before the 31 January default deadline.
    assert (departments.on_time, departments.late) == (9, 0)


def test_a_parent_deadline_overrides_the_default(personas: Personas) -> None:
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    make_issued_plan(organization=personas.hanoi_department, approved_on=date(2026, 1, 20))

    set_deadline(leader, personas.hanoi, 2026, date(2026, 1, 15))
    board = compliance_board(personas.hanoi, 2026)

    assert board.deadline == date(2026, 1, 15)
    assert [r.on_time for r in board.rows] == [False]


def test_only_a_leader_of_the_parent_sets_its_deadline(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        set_deadline(personas.lan, personas.hanoi, 2026, date(2026, 1, 15))
    with pytest.raises(PermissionDenied):
        set_deadline(
            make_user(role=Role.LEADER, organization=personas.hue),
            personas.hanoi,
            2026,
            date(2026, 1, 15),
        )

    assert compliance_board(personas.hanoi, 2026).deadline == date(2026, 1, 31)


def test_the_most_advanced_plan_of_a_child_counts(personas: Personas) -> None:
    make_plan(organization=personas.hanoi_department, status=PlanStatus.DRAFT)
    make_issued_plan(organization=personas.hanoi_department, approved_on=date(2026, 1, 5))
    make_issued_plan(
        organization=personas.hanoi_department, approved_on=date(2025, 1, 5), year=2025
    )

    rows = compliance_board(personas.hanoi, 2026).rows

    assert [(r.child.plan_status, r.on_time) for r in rows] == [("approved", True)]


def test_exports_read_back_with_correct_vietnamese(db: None) -> None:
    province = _province_with_children(18, 9, 0, 0)
    board = compliance_board(province, 2026)

    sheet = openpyxl.load_workbook(io.BytesIO(board_xlsx(board))).active
    assert sheet is not None
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    document = docx.Document(io.BytesIO(board_docx(board)))
    paragraphs = [p.text for p in document.paragraphs]
    table = document.tables[0]

    title = "Tình hình ban hành kế hoạch truyền thông chính sách năm 2026 — Tỉnh Thử Nghiệm"
    assert values[0] == [title]
    assert values[2] == ["9/18 sở, ngành đã ban hành kế hoạch (9 đúng hạn, 0 quá hạn)"]
    assert values[4] == [
        "STT",
        "Đơn vị",
        "Nhóm",
        "Trạng thái",
        "Số văn bản",
        "Ngày ban hành",
        "Đúng hạn",
    ]
    assert values[5][1:4] == ["Sở số 01", "sở, ngành", "Đã phê duyệt"]
    assert values[5][5:] == ["15/01/2026", "Đúng hạn"]
    assert values[-1][1:] == ["Sở số 18", "sở, ngành", "Đã trình", "Chưa ban hành"]
    assert paragraphs[0] == title
    assert "9/18 sở, ngành đã ban hành kế hoạch (9 đúng hạn, 0 quá hạn)" in paragraphs
    assert [c.text for c in table.rows[1].cells][1:4] == ["Sở số 01", "sở, ngành", "Đã phê duyệt"]
    assert len(table.rows) == 19
