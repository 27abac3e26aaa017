"""Budget arithmetic in whole VND: planned vs committed vs spent, grouped any way, no floats."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["BudgetFigures", "BudgetRow", "BudgetSummary", "format_vnd", "group_budget", "summarise"]


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    planned: int = 0
    committed: int = 0
    spent: int = 0

    def __add__(self, other: "BudgetFigures") -> "BudgetFigures":
        return BudgetFigures(
            self.planned + other.planned,
            self.committed + other.committed,
            self.spent + other.spent,
        )

    @property
    def remaining(self) -> int:
        """What is left to spend of the planned amount (negative when over budget)."""
        return self.planned - self.spent

    @property
    def over_budget(self) -> bool:
        """Committed or spent more than planned."""
        return self.committed > self.planned or self.spent > self.planned

    @property
    def overrun(self) -> int:
        """How far the larger of committed and spent exceeds the plan (0 when within it)."""
        return max(0, max(self.committed, self.spent) - self.planned)


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One budget line, as plain values: which activity, plan, source and quarter, and its money."""

    plan_id: int
    activity_id: int
    funding_source: str
    quarter: int
    figures: BudgetFigures


K = TypeVar("K", bound=Hashable)


def group_budget(
    rows: Iterable[BudgetRow], key: Callable[[BudgetRow], K]
) -> dict[K, BudgetFigures]:
    """Sum figures by ``key`` (e.g. ``lambda r: r.quarter``), keys in first-seen order."""
    totals: dict[K, BudgetFigures] = {}
    for row in rows:
        k = key(row)
        totals[k] = totals.get(k, BudgetFigures()) + row.figures
    return totals


def format_vnd(amount: int) -> str:
    """``1234567`` → ``"1.234.567 đ"`` (Vietnamese thousands separator)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " đ"


@dataclass(frozen=True, slots=True)
class BudgetSummary:
    """Totals of a set of budget lines, and the same split by activity, source and quarter."""

    total: BudgetFigures
    by_activity: dict[int, BudgetFigures]
    by_source: dict[str, BudgetFigures]
    by_quarter: dict[int, BudgetFigures]

    @property
    def over_budget_activities(self) -> list[int]:
        return [k for k, figures in self.by_activity.items() if figures.over_budget]


def summarise(rows: Iterable[BudgetRow]) -> BudgetSummary:
    listed = list(rows)
    return BudgetSummary(
        total=sum((r.figures for r in listed), BudgetFigures()),
        by_activity=group_budget(listed, lambda r: r.activity_id),
        by_source=group_budget(listed, lambda r: r.funding_source),
        by_quarter=dict(sorted(group_budget(listed, lambda r: r.quarter).items())),
    )
