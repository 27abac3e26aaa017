"""Screen a comment before publication: toxicity from the analysis pipeline plus spam rules. Pure."""

import re
from dataclasses import dataclass

from lantoa.analysis.pipeline import ModelSet, analyze_batch

__all__ = ["Screening", "screen"]

_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_REPEAT = re.compile(r"(.)\1{9,}")
_MAX_LINKS = 2


@dataclass(frozen=True, slots=True)
class Screening:
    hold: bool
    reason: str
    toxicity: str
    sentiment: str


def _spam_reason(text: str) -> str:
    if len(_LINK.findall(text)) > _MAX_LINKS:
        return "spam: nhiều liên kết"
    if _REPEAT.search(text):
        return "spam: ký tự lặp lại"
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return "spam: viết hoa toàn bộ"
    return ""


def screen(text: str, models: ModelSet | None = None) -> Screening:
    """Hold clear cases (offensive or hateful language, spam) for a moderator; publish the rest.

    Comments are few and each is read by the drafting agency, so they get the accurate path of
    ``models`` (the lexicon alone without them).
    """
    analysis = analyze_batch([text], mode="accurate", models=models)[0]
    toxicity = analysis.toxicity.label
    reason = _spam_reason(text)
    if not reason and toxicity in {"OFFENSIVE", "HATE"}:
        reason = f"độc hại: {toxicity}"
    return Screening(bool(reason), reason, toxicity, analysis.sentiment.label)
