"""Find emerging issues: terms unusually frequent in the last 24 hours, grouped into issues.

Input is plain data: each term's count over the last 24 hours, its daily counts over a baseline
(e.g. the previous 28 days), and optionally which documents of the last 24 hours mention it.

A term's surprise is the Poisson upper-tail log-probability of its current count given its
baseline daily rate (smoothed by half a count so a term new today has a finite, high score).
Terms below ``min_count`` are ignored: a word seen 3 times is not an issue, however rare.
Surprising terms that share documents (Jaccard overlap of their document sets at least
``min_overlap``) are grouped into one issue, labelled by its most surprising terms.
"""

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

__all__ = ["EmergingIssue", "TermSurprise", "find_emerging_issues", "term_surprises"]


@dataclass(frozen=True, kw_only=True)
class TermSurprise:
    """One term: its count now, its baseline daily mean and -log10 P(count >= now | baseline)."""

    term: str
    count: int
    baseline_mean: float
    score: float


@dataclass(frozen=True, kw_only=True)
class EmergingIssue:
    """A group of co-occurring surprising terms; ``score`` is the best member's surprise."""

    label_terms: tuple[str, ...]
    terms: tuple[TermSurprise, ...]
    score: float
    count: int
    documents: int


def term_surprises(
    *,
    current_counts: Mapping[str, int],
    baseline_daily_counts: Mapping[str, Sequence[int]],
    baseline_days: int = 28,
    min_count: int = 5,
    min_score: float = 3.0,
) -> list[TermSurprise]:
    """Terms whose current count is improbably high (score >= ``min_score``), best first."""
    surprises = []
    for term, count in current_counts.items():
        if count < min_count:
            continue
        history = baseline_daily_counts.get(term, ())
        mean = (float(np.sum(history)) + 0.5) / baseline_days
        # sf(count - 1) = P(X >= count); logsf keeps precision for very surprising counts.
        score = float(-poisson.logsf(count - 1, mean) / np.log(10.0))
        if score >= min_score:
            surprises.append(TermSurprise(term=term, count=count, baseline_mean=mean, score=score))
    return sorted(surprises, key=lambda item: (-item.score, item.term))


def _overlap(first: Set[str], second: Set[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _group(
    surprises: Sequence[TermSurprise], documents: Mapping[str, Set[str]], min_overlap: float
) -> list[list[TermSurprise]]:
    """Greedy grouping: each term joins the first group whose seed term it overlaps enough."""
    groups: list[list[TermSurprise]] = []
    for surprise in surprises:
        own = documents.get(surprise.term, set())
        for group in groups:
            if own and _overlap(own, documents.get(group[0].term, set())) >= min_overlap:
                group.append(surprise)
                break
        else:
            groups.append([surprise])
    return groups


def find_emerging_issues(
    *,
    current_counts: Mapping[str, int],
    baseline_daily_counts: Mapping[str, Sequence[int]],
    term_documents: Mapping[str, Set[str]] | None = None,
    baseline_days: int = 28,
    min_count: int = 5,
    min_score: float = 3.0,
    min_overlap: float = 0.3,
    label_size: int = 3,
) -> list[EmergingIssue]:
    """Ranked emerging issues (highest surprise first); terms without documents stand alone."""
    surprises = term_surprises(
        current_counts=current_counts,
        baseline_daily_counts=baseline_daily_counts,
        baseline_days=baseline_days,
        min_count=min_count,
        min_score=min_score,
    )
    documents = term_documents or {}
    issues = []
    for group in _group(surprises, documents, min_overlap):
        mentioned: set[str] = set().union(*(documents.get(item.term, set()) for item in group))
        issues.append(
            EmergingIssue(
                label_terms=tuple(item.term for item in group[:label_size]),
                terms=tuple(group),
                score=group[0].score,
                count=max(item.count for item in group),
                documents=len(mentioned),
            )
        )
    return issues
