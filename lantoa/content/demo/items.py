"""The demo item type and the label every demo item carries."""

from dataclasses import dataclass
from datetime import datetime

__all__ = ["DEMO_LABEL", "DemoItem"]

# Every demo item's title starts with this label, so demo rows are recognisable on every page.
DEMO_LABEL = "[Mẫu]"


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoItem:
    """One generated item, true by construction.

    ``kind`` is "article" (from an "rss" or "site" source), "post" or "comment" (from a "file"
    social source). ``title`` always starts with ``DEMO_LABEL``; for posts and comments it is the
    label and the first words of ``text``. ``sentiment`` is the stance the text was composed
    with. ``parent_key`` is set on comments only (the post they answer); ``reprint_of`` on
    reprinted articles only (the original, from another source). ``engagement`` holds
    likes/shares/comments for posts and comments and is empty for articles. ``province`` is the
    current unit's name when the text names it, else None. ``published`` is aware, in
    Asia/Ho_Chi_Minh.
    """

    key: str
    source_key: str
    url: str
    title: str
    text: str
    author: str
    published: datetime
    policy_slug: str
    province: str | None
    sentiment: str
    kind: str
    parent_key: str | None
    engagement: dict[str, int]
    reprint_of: str | None
