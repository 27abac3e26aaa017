"""The compliance picture for one parent and one year, as pure values (no ORM).

A child has *issued* its plan for year Y when the plan was approved; it is *on time* when the
approving document is dated on or before the deadline (the parent's own, else 31 January of Y).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = [
    "Board",
    "ChildPlan",
    "ComplianceRow",
    "GroupCount",
    "build_board",
    "default_deadline",
    "group_counts",
    "judge",
]


def default_deadline(year: int) -> date:
    """The directive's annual cycle: plans for year Y are issued by the end of January of Y."""
    return date(year, 1, 31)


@dataclass(frozen=True, slots=True)
class ChildPlan:
    """What the board needs to know about one child: its best plan of the year, if any."""

    organization_id: int
    organization_name: str
    organization_type: str
    plan_id: int | None
    plan_status: str | None
    issued: bool
    document_number: str
    document_date: date | None


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    child: ChildPlan
    on_time: bool | None  # None when not issued

    @property
    def late(self) -> bool:
        return self.on_time is False


@dataclass(frozen=True, slots=True)
class GroupCount:
    organization_type: str
    issued: int
    total: int
    on_time: int
    late: int


def judge(children: Iterable[ChildPlan], deadline: date) -> list[ComplianceRow]:
    rows = []
    for child in children:
        if not child.issued:
            rows.append(ComplianceRow(child, None))
            continue
        on_time = child.document_date is not None and child.document_date <= deadline
        rows.append(ComplianceRow(child, on_time))
    return rows


def group_counts(rows: Sequence[ComplianceRow]) -> list[GroupCount]:
    """Counts per organisation type, in first-seen order ("9/18 sở, ngành")."""
    order: list[str] = []
    for row in rows:
        if row.child.organization_type not in order:
            order.append(row.child.organization_type)
    counts = []
    for kind in order:
        members = [r for r in rows if r.child.organization_type == kind]
        counts.append(
            GroupCount(
                organization_type=kind,
                issued=sum(1 for r in members if r.child.issued),
                total=len(members),
                on_time=sum(1 for r in members if r.on_time),
                late=sum(1 for r in members if r.late),
            )
        )
    return counts


@dataclass(frozen=True, slots=True)
class Board:
    """Everything the compliance board and its exports show."""

    parent_id: int
    parent_name: str
    year: int
    deadline: date
    rows: list[ComplianceRow]
    counts: list[GroupCount]


def build_board(
    *, parent_id: int, parent_name: str, year: int, deadline: date, children: Iterable[ChildPlan]
) -> Board:
    rows = judge(children, deadline)
    return Board(parent_id, parent_name, year, deadline, rows, group_counts(rows))
