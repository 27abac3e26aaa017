"""Read labelled and unlabelled texts from JSONL, CSV or plain-text files (optionally .gz).

Every bad row is reported with its file and line number: a model silently trained on a
shifted or empty column is worse than no model.
"""

import csv
import gzip
import hashlib
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DatasetError",
    "LabelledTexts",
    "datasets_root",
    "load_labelled",
    "load_texts",
    "reintel_split",
    "without_texts_in",
]


class DatasetError(ValueError):
    """A data file is missing, unreadable or has a bad row; the message says where."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledTexts:
    """Parallel tuples of texts and their label names (plus record ids where the file has them)."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    ids: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.texts)


def datasets_root() -> Path:
    """``$LANTOA_DATASETS_DIR``, else ``../shared/datasets`` beside the repository."""
    configured = os.environ.get("LANTOA_DATASETS_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def _open_text(path: Path) -> io.TextIOBase:
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _format(path: Path) -> str:
    suffixes = [s for s in path.suffixes if s != ".gz"]
    return suffixes[-1].lstrip(".").lower() if suffixes else "txt"


def _records(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield (line number, record) for JSONL or CSV files."""
    kind = _format(path)
    with _open_text(path) as handle:
        try:
            if kind in {"jsonl", "json", "ndjson"}:
                yield from _json_lines(path, handle)
            elif kind == "csv":
                for number, row in enumerate(csv.DictReader(handle), start=2):
                    yield number, dict(row)
            else:
                raise DatasetError(f"{path}: expected .jsonl or .csv (optionally .gz)")
        except UnicodeDecodeError as error:
            raise DatasetError(f"{path}: not UTF-8 ({error})") from error


def _json_lines(path: Path, handle: io.TextIOBase) -> Iterator[tuple[int, dict[str, object]]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatasetError(f"{path}:{number}: invalid JSON ({error.msg})") from error
        if not isinstance(record, dict):
            raise DatasetError(f"{path}:{number}: expected a JSON object")
        yield number, record


def _field(path: Path, number: int, record: dict[str, object], key: str) -> str:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DatasetError(f"{path}:{number}: missing or empty '{key}'")
    return str(value)


def load_labelled(
    path: Path, *, text_key: str = "text", label_key: str = "label", skip_empty_text: bool = False
) -> LabelledTexts:
    """Texts and labels of a JSONL/CSV file; ``skip_empty_text`` drops rows with no text.

    Raises DatasetError on a missing file, bad JSON, a missing label, or no rows at all.
    """
    texts, labels, ids = [], [], []
    for number, record in _records(path):
        if skip_empty_text and not str(record.get(text_key) or "").strip():
            continue
        texts.append(_field(path, number, record, text_key))
        labels.append(_field(path, number, record, label_key))
        ids.append(str(record.get("id", record.get("doc_id", number))))
    if not texts:
        raise DatasetError(f"{path}: no labelled rows")
    return LabelledTexts(texts=tuple(texts), labels=tuple(labels), ids=tuple(ids))


def load_texts(path: Path, *, text_key: str = "text") -> list[str]:
    """Texts to analyse: JSONL/CSV with a ``text_key`` field, or one text per line of .txt.

    Blank .txt lines are skipped; a JSONL/CSV row without text is an error (order matters).
    """
    if _format(path) == "txt":
        with _open_text(path) as handle:
            return [line.strip() for line in handle if line.strip()]
    return [_field(path, number, record, text_key) for number, record in _records(path)]


def without_texts_in(train: LabelledTexts, other: LabelledTexts) -> LabelledTexts:
    """``train`` minus rows whose lower-cased, space-collapsed text also occurs in ``other``."""

    def key(text: str) -> str:
        return " ".join(text.lower().split())

    held_out = {key(text) for text in other.texts}
    kept = [i for i, text in enumerate(train.texts) if key(text) not in held_out]
    return LabelledTexts(
        texts=tuple(train.texts[i] for i in kept),
        labels=tuple(train.labels[i] for i in kept),
        ids=tuple(train.ids[i] for i in kept) if train.ids else (),
    )


def reintel_split(data: LabelledTexts) -> tuple[LabelledTexts, LabelledTexts]:
    """ReINTEL's fixed (train, held-out) split: held out when sha1(id) % 5 == 0."""

    def held_out(record_id: str) -> bool:
        return int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 5 == 0  # noqa: S324

    flags = [held_out(record_id) for record_id in data.ids]
    parts = []
    for wanted in (False, True):
        rows = [i for i, flag in enumerate(flags) if flag == wanted]
        parts.append(
            LabelledTexts(
                texts=tuple(data.texts[i] for i in rows),
                labels=tuple(data.labels[i] for i in rows),
                ids=tuple(data.ids[i] for i in rows),
            )
        )
    return parts[0], parts[1]
