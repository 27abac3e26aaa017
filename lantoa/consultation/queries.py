"""Reads for consultations: what the public sees, what staff reach, and per-clause analysis."""

from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db.models import QuerySet
from django.utils import timezone

from lantoa.accounts.models import User
from lantoa.accounts.scoping import scope_filter
from lantoa.consultation.models import (
    Clause,
    ClauseReaction,
    Comment,
    CommentStatus,
    Consultation,
    DraftVersion,
    Participant,
    Statement,
    StatementVote,
)
from lantoa.consultation.opinion import OpinionReport, opinion_groups
from lantoa.consultation.themes import Theme, themes

__all__ = [
    "ClauseAnalysis",
    "OpinionResult",
    "analyse_version",
    "consultation_opinion",
    "most_disagreed",
    "participant_of",
    "public_consultations",
    "staff_consultations",
]


def participant_of(user: User) -> Participant | None:
    """The verified participant with the signed-in user's e-mail address, if any.

    Voting and answering surveys through the API act as that participant, so a staff account
    takes part only after its address was verified on a draft's page like anyone else's.
    """
    if not user.email:
        return None
    return Participant.objects.filter(
        email=user.email.strip().lower(), verified_at__isnull=False
    ).first()


def public_consultations() -> QuerySet[Consultation]:
    """Consultations whose opening date has come: readable by anyone, without login."""
    return Consultation.objects.filter(opens_at__lte=timezone.now()).select_related("owner")


def staff_consultations(user: User) -> QuerySet[Consultation]:
    """Every consultation of the organisations ``user`` reaches, including unopened drafts."""
    if not (user.is_authenticated and user.has_perm("consultation.view_consultation")):
        return Consultation.objects.none()
    return Consultation.objects.filter(scope_filter(user, "owner")).select_related("owner")


@dataclass(frozen=True)
class ClauseAnalysis:
    clause: Clause
    comments: tuple[Comment, ...]
    agree: int
    disagree: int
    sentiment: dict[str, int]
    themes: tuple[tuple[Theme, tuple[Comment, ...]], ...]

    @property
    def disagreement(self) -> float:
        total = self.agree + self.disagree
        return self.disagree / total if total else 0.0


def analyse_version(version: DraftVersion) -> list[ClauseAnalysis]:
    """Per clause of ``version``: published comments (carried ones included), reactions, themes."""
    comments: dict[int, list[Comment]] = {}
    for comment in Comment.objects.filter(
        current_clause__version=version, status=CommentStatus.PUBLISHED
    ).select_related("participant", "clause"):
        assert comment.current_clause_id is not None
        comments.setdefault(comment.current_clause_id, []).append(comment)
    votes: Counter[tuple[int, bool]] = Counter(
        (r.current_clause_id, r.agree)
        for r in ClauseReaction.objects.filter(current_clause__version=version)
        if r.current_clause_id is not None
    )
    result = []
    for clause in version.clauses.order_by("position"):
        own = comments.get(clause.pk, [])
        grouped = tuple(
            (theme, tuple(own[i] for i in theme.members)) for theme in themes([c.body for c in own])
        )
        result.append(
            ClauseAnalysis(
                clause=clause,
                comments=tuple(own),
                agree=votes[(clause.pk, True)],
                disagree=votes[(clause.pk, False)],
                sentiment=dict(Counter(c.sentiment for c in own)),
                themes=grouped,
            )
        )
    return result


def most_disagreed(analyses: list[ClauseAnalysis], limit: int = 5) -> list[ClauseAnalysis]:
    """The clauses with the most disagree reactions (ties: higher share first)."""
    ranked = [a for a in analyses if a.disagree]
    ranked.sort(key=lambda a: (-a.disagree, -a.disagreement, a.clause.position))
    return ranked[:limit]


@dataclass(frozen=True)
class OpinionResult:
    """The opinion groups of a consultation's published statements; ``report`` is None without votes."""

    statements: tuple[Statement, ...]
    participants: int
    report: OpinionReport | None


def consultation_opinion(consultation: Consultation, *, min_votes: int = 3) -> OpinionResult:
    """Build the participants × statements vote matrix and compute the opinion groups."""
    shown = tuple(consultation.statements.filter(status=CommentStatus.PUBLISHED))
    index = {s.pk: i for i, s in enumerate(shown)}
    people: dict[int, int] = {}
    votes = StatementVote.objects.filter(statement__in=shown).values_list(
        "participant_id", "statement_id", "value"
    )
    cells = [(people.setdefault(p, len(people)), index[s], v) for p, s, v in votes]
    matrix = np.full((len(people), len(shown)), np.nan)
    for row, col, value in cells:
        matrix[row, col] = value
    report = opinion_groups(matrix, min_votes=min_votes) if people else None
    return OpinionResult(statements=shown, participants=len(people), report=report)
