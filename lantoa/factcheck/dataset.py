"""The labelled claim/variant/unrelated pairs used to choose and measure matching thresholds.

``data/claims_source.jsonl`` holds hand-written groups: a rumour as a checker would record it, a
paraphrase, a reordered wording, and an unrelated statement on the same subject (a hard negative).
From each group, :func:`build_pairs` derives seven labelled pairs (claim, text, same?):

- positives: the paraphrase; the reordering; the reordering typed without diacritics; the claim
  with emojis, hashtags and a link added; a partial quote (the middle ~60 % of its words);
- negatives: the same-subject unrelated statement; another group's paraphrase.

Even-numbered groups form the dev split (threshold choice), odd-numbered the held-out test split.
"""

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from lantoa.core.folding import fold

__all__ = ["PAIRS_CSV", "SOURCE", "LabelledPair", "build_pairs", "load_pairs", "write_pairs"]

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "claims_source.jsonl"
PAIRS_CSV = DATA / "claim_pairs.csv"
_FIELDS = ("group", "split", "kind", "label", "claim", "text")


@dataclass(frozen=True, kw_only=True)
class LabelledPair:
    group: int
    split: str  # "dev" or "test"
    kind: str
    label: bool
    claim: str
    text: str


def _partial_quote(text: str) -> str:
    words = text.split()
    start = len(words) // 5
    end = max(start + 3, start + (len(words) * 3) // 5)
    return "“…" + " ".join(words[start:end]) + "…”"


def _decorated(text: str) -> str:
    return f"🔥🔥 NÓNG: {text} ‼️😱 #tinnong #chiasengay https://bit.ly/3xYz9"


def build_pairs(groups: list[dict[str, str]]) -> list[LabelledPair]:
    pairs: list[LabelledPair] = []
    for index, group in enumerate(groups):
        claim = group["claim"]
        other = groups[(index + 7) % len(groups)]["paraphrase"]
        variants = [
            ("paraphrase", True, group["paraphrase"]),
            ("reorder", True, group["reorder"]),
            ("no_diacritics", True, fold(group["reorder"])),
            ("emoji_hashtag", True, _decorated(claim)),
            ("partial_quote", True, _partial_quote(claim)),
            ("unrelated_same_subject", False, group["unrelated"]),
            ("unrelated_other", False, other),
        ]
        split = "dev" if index % 2 == 0 else "test"
        pairs += [
            LabelledPair(group=index, split=split, kind=kind, label=label, claim=claim, text=text)
            for kind, label, text in variants
        ]
    return pairs


def write_pairs() -> int:
    """Rebuild ``data/claim_pairs.csv`` from the source groups; returns the number of pairs."""
    groups = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line]
    pairs = build_pairs(groups)
    with PAIRS_CSV.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_FIELDS)
        for p in pairs:
            writer.writerow([p.group, p.split, p.kind, int(p.label), p.claim, p.text])
    return len(pairs)


def load_pairs() -> list[LabelledPair]:
    with PAIRS_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            LabelledPair(
                group=int(row["group"]),
                split=row["split"],
                kind=row["kind"],
                label=row["label"] == "1",
                claim=row["claim"],
                text=row["text"],
            )
            for row in csv.DictReader(handle)
        ]
