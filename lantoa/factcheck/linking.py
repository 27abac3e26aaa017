"""Claim matching against the database: new tips and newly ingested items meet known claims.

The scoring itself is pure (``matching.py``); here we choose the candidate claims (the owner's
recent ones, within the window of its settings), attach or suggest, and raise a monitoring alert
when an ingested item repeats a claim already judged false.
"""

from collections.abc import Sequence
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization
from lantoa.content.models import Item
from lantoa.factcheck import matching
from lantoa.factcheck.models import (
    Claim,
    ClaimEvent,
    ClaimItem,
    ClaimItemStatus,
    EventKind,
    MatchSettings,
    Tip,
    Verdict,
)
from lantoa.monitoring.alerts import raise_claim_match_alert

__all__ = ["Thresholds", "match_new_items", "match_tip", "thresholds_for"]


class Thresholds:
    def __init__(self, suggest: float, auto: float, window_days: int) -> None:
        self.suggest, self.auto, self.window_days = suggest, auto, window_days


def thresholds_for(owner: Organization) -> Thresholds:
    found = MatchSettings.objects.filter(owner=owner).first()
    if found is None:
        return Thresholds(matching.DEFAULT_SUGGEST, matching.DEFAULT_AUTO, 90)
    return Thresholds(found.suggest_threshold, found.auto_threshold, found.window_days)


def _recent_claims(owner_q: Q, window_days: int) -> QuerySet[Claim]:
    since = timezone.now() - timedelta(days=window_days)
    return Claim.objects.filter(owner_q, updated_at__gte=since).select_related("owner")


def match_tip(tip: Tip) -> Tip:
    """Attach ``tip`` to its claim above the auto threshold, or suggest one above suggest."""
    limits = thresholds_for(tip.owner)
    claims = list(_recent_claims(Q(owner__path__startswith=tip.owner.path), limits.window_days))
    candidates = [matching.Candidate(claim_id=c.pk, text=c.statement) for c in claims]
    found = matching.best_matches([tip.text], candidates, minimum=limits.suggest)[0]
    if found is None:
        return tip
    if found.score >= limits.auto:
        tip.claim_id, tip.match_score = found.claim_id, found.score
        tip.save(update_fields=["claim", "match_score"])
        ClaimEvent.objects.create(
            claim_id=found.claim_id,
            kind=EventKind.TIP_LINKED,
            text=_("Tin báo #%(id)d được tự động gắn (độ giống %(s).2f).")
            % {"id": tip.pk, "s": found.score},
            data={"tip_id": tip.pk, "score": found.score, "auto": True},
        )
    else:
        tip.suggested_claim_id, tip.suggested_score = found.claim_id, found.score
        tip.save(update_fields=["suggested_claim", "suggested_score"])
    return tip


def _reaches(claim: Claim, item: Item) -> bool:
    source = item.source
    return bool(source.is_shared or source.owner.path.startswith(claim.owner.path))


def _item_text(item: Item) -> str:
    return f"{item.title}. {item.text[:2000]}"


def match_new_items(item_ids: Sequence[int]) -> int:
    """Compare newly stored items with recent claims; returns how many links were made.

    Idempotent: ``ClaimItem(claim, item)`` is unique and the alert is keyed by (claim, item).
    """
    claims = list(_recent_claims(Q(), 90))
    if not claims:
        return 0
    items = list(Item.objects.filter(pk__in=item_ids).select_related("source__owner"))
    made = 0
    for claim_owner in {c.owner for c in claims}:
        limits = thresholds_for(claim_owner)
        own = [c for c in claims if c.owner_id == claim_owner.pk]
        candidates = [matching.Candidate(claim_id=c.pk, text=c.statement) for c in own]
        by_id = {c.pk: c for c in own}
        found = matching.best_matches(
            [_item_text(i) for i in items], candidates, minimum=limits.suggest
        )
        for item, match in zip(items, found, strict=True):
            if match is not None and _reaches(by_id[match.claim_id], item):
                made += _link(by_id[match.claim_id], item, match.score, match.score >= limits.auto)
    return made


def _link(claim: Claim, item: Item, score: float, auto: bool) -> int:
    status = ClaimItemStatus.LINKED if auto else ClaimItemStatus.SUGGESTED
    try:
        with transaction.atomic():
            ClaimItem.objects.create(claim=claim, item=item, score=score, status=status)
            if auto:
                ClaimEvent.objects.create(
                    claim=claim,
                    kind=EventKind.ITEM_LINKED,
                    text=_("Tin bài #%(id)d được tự động gắn (độ giống %(s).2f).")
                    % {"id": item.pk, "s": score},
                    data={"item_id": item.pk, "score": score, "auto": True},
                )
    except IntegrityError:
        return 0
    if auto and claim.verdict in {Verdict.FALSE, Verdict.MISLEADING}:
        raise_claim_match_alert(
            owner=claim.owner,
            claim_key=f"{claim.pk}:{item.pk}",
            title=_("Thông tin sai đã được kết luận đang lan truyền lại: %(c)s")
            % {"c": claim.statement[:200]},
            detail=item.title or item.text[:300],
            data={"claim_id": claim.pk, "item_id": item.pk, "score": score},
        )
    return 1
