"""A deterministic, clearly-labelled Vietnamese demo corpus for Lantoa.

``generate_items(seed=..., count=..., end=...)`` streams ``DemoItem`` values (articles, social
posts and comments about ``demo_policies()`` from ``demo_sources()``) that ``lantoa seed-demo``
inserts so every page has something true to show. Every item's title starts with
``DEMO_LABEL`` ("[Mẫu]"), every source name contains "mẫu" and every URL lies under
``demo.lantoa.invalid``. Sentiment, reprints, comments and the negative burst are true by
construction, so the corpus doubles as ground truth for analysis and alerting tests.
"""

from lantoa.content.demo.catalogue import (
    DemoPolicy,
    DemoProvince,
    DemoSource,
    demo_policies,
    demo_provinces,
    demo_sources,
)
from lantoa.content.demo.generator import generate_items
from lantoa.content.demo.items import DEMO_LABEL, DemoItem
from lantoa.content.demo.timeline import DemoBurst, demo_burst

__all__ = [
    "DEMO_LABEL",
    "DemoBurst",
    "DemoItem",
    "DemoPolicy",
    "DemoProvince",
    "DemoSource",
    "demo_burst",
    "demo_policies",
    "demo_provinces",
    "demo_sources",
    "generate_items",
]
