"""The demo corpus as labelled data: each item's composed stance and its policy's field.

What ``lantoa train-demo`` learns from, so that a fresh install has trained sentiment and field
models before any dataset is at hand. The labels are true by construction; the texts are
generated, so the figures these models reach say the pipeline works, not how well they read
real news.
"""

from datetime import date

from lantoa.analysis.datasets import LabelledTexts
from lantoa.content.demo.catalogue import demo_policies
from lantoa.content.demo.generator import generate_items

__all__ = ["DEMO_TASKS", "demo_labelled"]

DEMO_TASKS = ("sentiment", "field")


def demo_labelled(*, seed: int, count: int, end: date) -> dict[str, LabelledTexts]:
    """``count`` generated items (``generate_items``) labelled for each of ``DEMO_TASKS``."""
    items = list(generate_items(seed=seed, count=count, end=end))
    fields = {policy.slug: policy.field for policy in demo_policies()}
    texts = tuple(item.text for item in items)
    return {
        "sentiment": LabelledTexts(texts=texts, labels=tuple(item.sentiment for item in items)),
        "field": LabelledTexts(
            texts=texts, labels=tuple(fields[item.policy_slug] for item in items)
        ),
    }
