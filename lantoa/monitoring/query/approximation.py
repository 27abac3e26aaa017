"""Boolean bookkeeping for backends that cannot express every node exactly.

When a backend cannot express a node it compiles a *superset* where the node counts positively
and a *subset* where it is negated (under an odd number of NOTs), so the whole compiled query is
a superset of the true answer and a matcher post-filter restores it exactly. TRUE and FALSE are
the extreme approximations ("every item", "no item") and are folded away while combining.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TypeAlias

__all__ = ["Constant", "Expression", "combine_and", "combine_or", "negate", "unexpressible"]


class Constant(Enum):
    TRUE = "TRUE"
    FALSE = "FALSE"


Expression: TypeAlias = str | Constant


def unexpressible(positive: bool) -> Constant:
    """The approximation of a node a backend cannot express: superset if positive, else subset."""
    return Constant.TRUE if positive else Constant.FALSE


def negate(constant: Constant) -> Constant:
    return Constant.FALSE if constant is Constant.TRUE else Constant.TRUE


def combine_and(parts: Sequence[Expression], join: Callable[[list[str]], str]) -> Expression:
    """Conjunction of ``parts``: TRUE parts vanish, one FALSE part makes it FALSE."""
    if Constant.FALSE in parts:
        return Constant.FALSE
    texts = [part for part in parts if isinstance(part, str)]
    return join(texts) if texts else Constant.TRUE


def combine_or(parts: Sequence[Expression], join: Callable[[list[str]], str]) -> Expression:
    """Disjunction of ``parts``: FALSE parts vanish, one TRUE part makes it TRUE."""
    if Constant.TRUE in parts:
        return Constant.TRUE
    texts = [part for part in parts if isinstance(part, str)]
    return join(texts) if texts else Constant.FALSE
