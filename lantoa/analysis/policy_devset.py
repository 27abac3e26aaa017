"""The policy-domain development set: public-affairs sentences labelled by stance.

The repository keeps only keys and labels (``policy_dev_labels.csv``): dataset, record id,
sentence index, the first 8 hex digits of the sentence's SHA-1, the sentiment label, and the
toxicity label where judged. Texts are rebuilt from the shared datasets, and a hash mismatch
is an error, so a changed dataset cannot silently shift labels onto other sentences.

Sampling (``python -m lantoa.analysis.policy_devset sample``): sentences of 8-60 syllables from
VNTC *train* public-affairs topics and from ReINTEL posts, half drawn uniformly and half among
sentences with a lexicon cue, so positive and negative stance are not swamped by neutral news.

A training extension (``policy_train_labels.csv``, same columns, ``sample-training``) adds
sentences from the same pools, two thirds of them with a positive lexicon cue. It is only ever
trained on: figures are measured on the development set alone, so its different sampling does
not shift them.
"""

import csv
import hashlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lantoa.analysis.datasets import DatasetError, LabelledTexts, datasets_root, load_labelled
from lantoa.analysis.lexicon_scorer import score_stance
from lantoa.analysis.text import syllables, tokens_with_punctuation
from lantoa.core.text import normalize_text

__all__ = [
    "LABELS_FILE",
    "SOURCES",
    "TRAINING_LABELS_FILE",
    "DevItem",
    "load_policy_devset",
    "public_affairs_sentences",
    "sentences",
]

LABELS_FILE = Path(__file__).with_name("policy_dev_labels.csv")
TRAINING_LABELS_FILE = Path(__file__).with_name("policy_train_labels.csv")
_PUBLIC_AFFAIRS_TOPICS = frozenset({"Chinh tri Xa hoi", "Phap luat", "Kinh doanh", "Suc khoe"})
# ReINTEL posts are about anything; keep those that name a public body or a public matter.
_PUBLIC_MARKERS = re.compile(
    r"chính phủ|bộ |ubnd|ủy ban|uỷ ban|công an|quốc hội|chính sách|tỉnh|thành phố|bệnh viện|"
    r"covid|dịch bệnh|thuế|giá|ngân sách|trường|cơ quan|chính quyền|nhà nước|luật"
)
SOURCES = {"vntc": "vntc_10topics/train.jsonl.gz", "reintel": "reintel_vlsp2020/train.jsonl"}
# A sentence ends at . ! ? or a line break, when the next sentence starts (capital or quote).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])|\n+")


@dataclass(frozen=True, slots=True, kw_only=True)
class DevItem:
    """One labelled sentence of the development set; ``toxicity`` is "" where not judged."""

    dataset: str
    record_id: str
    sentence_index: int
    text: str
    sentiment: str
    toxicity: str
    topic: str


def sentences(text: str) -> list[str]:
    """Split normalised ``text`` into sentences (stripped, non-empty)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def _short_hash(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:8]  # noqa: S324 - a checksum


def _records(dataset: str, root: Path) -> LabelledTexts:
    return load_labelled(root / SOURCES[dataset], skip_empty_text=True)


def _label_rows(path: Path) -> list[list[str]]:
    """The key rows of a labels file, header included."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def load_policy_devset(
    root: Path | None = None, *, labels_file: Path = LABELS_FILE
) -> list[DevItem]:
    """Rebuild the sentences of ``labels_file`` from the datasets under ``root`` (default:
    shared); the development set unless another labels file is given.

    Raises DatasetError when a dataset is absent or a sentence no longer matches its hash.
    """
    root = root or datasets_root()
    rows = _label_rows(labels_file)
    records = {name: _records(name, root) for name in {row[0] for row in rows[1:]}}
    indexes = {
        name: dict(zip(data.ids, range(len(data)), strict=True)) for name, data in records.items()
    }
    items = []
    for dataset, record_id, index, digest, sentiment, toxicity in rows[1:]:
        data, row = records[dataset], indexes[dataset].get(record_id)
        parts = sentences(normalize_text(data.texts[row])) if row is not None else []
        if int(index) >= len(parts) or _short_hash(parts[int(index)]) != digest:
            raise DatasetError(
                f"{dataset} {record_id} sentence {index}: text does not match its hash"
            )
        items.append(
            DevItem(
                dataset=dataset,
                record_id=record_id,
                sentence_index=int(index),
                text=parts[int(index)],
                sentiment=sentiment,
                toxicity=toxicity,
                topic=data.labels[row] if row is not None else "",
            )
        )
    return items


def public_affairs_sentences(dataset: str, root: Path) -> Iterator[tuple[str, int, str]]:
    """(record id, sentence index, sentence) of 8-60-syllable public-affairs sentences."""
    data = _records(dataset, root)
    for record_id, text, label in zip(data.ids, data.texts, data.labels, strict=True):
        if dataset == "vntc" and label not in _PUBLIC_AFFAIRS_TOPICS:
            continue
        if dataset == "reintel" and not _PUBLIC_MARKERS.search(text.lower()):
            continue
        for index, sentence in enumerate(sentences(normalize_text(text))):
            if 8 <= len(syllables(sentence)) <= 60:
                yield record_id, index, sentence


def sample(dataset: str, count: int, *, seed: int = 7) -> list[tuple[str, int, str]]:
    """``count`` sentences of ``dataset``: half uniform, half among lexicon-cued sentences."""
    pool = list(public_affairs_sentences(dataset, datasets_root()))
    rng = random.Random(seed)
    uniform = rng.sample(pool, count // 2)
    taken = set(uniform)
    cued = [c for c in pool if c not in taken and _has_cue(c[2])]
    return uniform + rng.sample(cued, count - count // 2)


def sample_training(dataset: str, count: int, *, seed: int = 11) -> list[tuple[str, int, str]]:
    """``count`` sentences for the training extension, none of them labelled already (in the
    development set or the extension).

    A third uniform, two thirds among sentences with a positive lexicon cue: positive stance is
    11% of the development set, too few for a model to learn it from. The extension was drawn
    in batches, each from what was not labelled before it: seed 11 (vntc 210, reintel 120),
    then seed 13 (the same counts).
    """
    labelled = {
        (r[1], int(r[2]))
        for path in (LABELS_FILE, TRAINING_LABELS_FILE)
        for r in _label_rows(path)[1:]
        if r[0] == dataset
    }
    pool = [c for c in public_affairs_sentences(dataset, datasets_root()) if c[:2] not in labelled]
    rng = random.Random(seed)
    uniform = rng.sample(pool, count // 3)
    taken = set(uniform)
    cued = [c for c in pool if c not in taken and _has_positive_cue(c[2])]
    return uniform + rng.sample(cued, count - count // 3)


def _has_cue(sentence: str) -> bool:
    return score_stance(tokens_with_punctuation(sentence)).cues > 0


def _has_positive_cue(sentence: str) -> bool:
    return score_stance(tokens_with_punctuation(sentence)).positive > 0


_SAMPLERS = {"sample": sample, "sample-training": sample_training}


def main(argv: list[str]) -> None:
    """``sample[-training] DATASET COUNT [SEED]``: print keys and text, tab-separated, for
    labelling."""
    if len(argv) not in (3, 4) or argv[0] not in _SAMPLERS or argv[1] not in SOURCES:
        raise SystemExit(
            "usage: python -m lantoa.analysis.policy_devset sample|sample-training "
            "vntc|reintel COUNT [SEED]"
        )
    command, dataset, count, *seed = argv
    sampler = _SAMPLERS[command]
    found = (
        sampler(dataset, int(count), seed=int(seed[0])) if seed else sampler(dataset, int(count))
    )
    for record_id, index, sentence in found:
        print(f"{dataset}\t{record_id}\t{index}\t{_short_hash(sentence)}\t{sentence}")


if __name__ == "__main__":
    main(sys.argv[1:])
