"""The plan workflow as data: which move leads from which status, and who may make it.

draft → submitted → approved → in progress → closed; a submitted plan may be sent back to draft.
"""

from dataclasses import dataclass
from enum import StrEnum

from lantoa.plans.models import PlanStatus

__all__ = ["TRANSITIONS", "Move", "Transition", "target_of"]


class Move(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    START = "start"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Transition:
    source: PlanStatus
    target: PlanStatus
    permission: str


TRANSITIONS: dict[Move, Transition] = {
    Move.SUBMIT: Transition(PlanStatus.DRAFT, PlanStatus.SUBMITTED, "plans.change_plan"),
    Move.RETURN: Transition(PlanStatus.SUBMITTED, PlanStatus.DRAFT, "plans.approve_plan"),
    Move.APPROVE: Transition(PlanStatus.SUBMITTED, PlanStatus.APPROVED, "plans.approve_plan"),
    Move.START: Transition(PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, "plans.change_plan"),
    Move.CLOSE: Transition(PlanStatus.IN_PROGRESS, PlanStatus.CLOSED, "plans.change_plan"),
}


def target_of(move: Move, current: str) -> PlanStatus | None:
    """The status ``move`` leads to from ``current``, or None when the move is not allowed."""
    transition = TRANSITIONS[move]
    return transition.target if transition.source == current else None
