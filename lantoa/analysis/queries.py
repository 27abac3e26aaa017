"""Read access for labelling: corrections and the queue of items worth an officer's look."""

from django.db.models import Exists, OuterRef, QuerySet

from lantoa.accounts.models import User
from lantoa.analysis.models import LabelCorrection
from lantoa.content.models import Item
from lantoa.content.queries import visible_items

__all__ = ["labelling_queue", "latest_corrections"]


def labelling_queue(user: User) -> QuerySet[Item]:
    """Analysed, uncorrected items the user can read, least confident sentiment first.

    Active learning: the items the model is least sure about teach it the most.
    """
    corrected = LabelCorrection.objects.filter(item=OuterRef("pk"))
    return (
        visible_items(user)
        .filter(analysis__isnull=False)
        .exclude(Exists(corrected))
        .select_related("analysis", "source", "accurate_request")
        .order_by("analysis__sentiment_score", "-published_at")
    )


def latest_corrections(item: Item) -> dict[str, LabelCorrection]:
    """The newest correction per task for ``item``."""
    latest: dict[str, LabelCorrection] = {}
    for correction in item.label_corrections.select_related("corrected_by").order_by("created_at"):
        latest[correction.task] = correction
    return latest


def correction_examples(task: str) -> tuple[list[str], list[str]]:
    """Officers' labels for ``task`` as training examples (the newest correction per item wins)."""
    newest: dict[int, str] = dict(
        LabelCorrection.objects.filter(task=task)
        .order_by("item_id", "created_at")
        .values_list("item_id", "label")
    )
    items = Item.objects.filter(pk__in=newest).order_by("pk").values_list("pk", "title", "text")
    texts = [f"{title}\n{text}" if title else text for _, title, text in items]
    labels = [newest[pk] for pk, _, _ in items]
    return texts, labels
