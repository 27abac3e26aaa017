"""Read the NAB development subset (``<datasets>/nab``) into plain arrays for scoring.

The datasets root is ``$LANTOA_DATASETS_DIR`` or, by default, ``../shared/datasets`` beside the
repository. Nothing here is shipped data: the files are read in place, never copied.
"""

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["NabFile", "datasets_root", "load_nab_corpus", "nab_root"]

_REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True, kw_only=True)
class NabFile:
    """One NAB file: ``category/name.csv``, its rows and its windows as inclusive row ranges."""

    name: str
    timestamps: tuple[dt.datetime, ...]
    values: npt.NDArray[np.float64]
    windows: tuple[tuple[int, int], ...]

    @property
    def category(self) -> str:
        return self.name.split("/", 1)[0]


def datasets_root() -> Path:
    """Root of the shared evaluation datasets (``$LANTOA_DATASETS_DIR`` or ``../shared/datasets``)."""
    configured = os.environ.get("LANTOA_DATASETS_DIR")
    return Path(configured) if configured else _REPO_ROOT.parent / "shared" / "datasets"


def nab_root() -> Path:
    return datasets_root() / "nab"


def _read_series(path: Path) -> tuple[tuple[dt.datetime, ...], npt.NDArray[np.float64]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    timestamps = tuple(dt.datetime.fromisoformat(row["timestamp"]) for row in rows)
    return timestamps, np.array([float(row["value"]) for row in rows])


def _window_rows(
    timestamps: tuple[dt.datetime, ...], limits: list[list[str]]
) -> tuple[tuple[int, int], ...]:
    """Map window timestamp limits onto inclusive row ranges (rows with start <= t <= end)."""
    stamps = np.array(timestamps, dtype="datetime64[us]")
    ranges = []
    for start, end in limits:
        first = int(np.searchsorted(stamps, np.datetime64(dt.datetime.fromisoformat(start))))
        last = int(np.searchsorted(stamps, np.datetime64(dt.datetime.fromisoformat(end)), "right"))
        if last > first:
            ranges.append((first, last - 1))
    return tuple(ranges)


def load_nab_corpus(root: Path | None = None) -> tuple[NabFile, ...]:
    """Every labelled file under ``root`` (default :func:`nab_root`), sorted by name."""
    base = root or nab_root()
    labels = json.loads((base / "labels" / "combined_windows.json").read_text(encoding="utf-8"))
    files = []
    for name in sorted(labels):
        timestamps, values = _read_series(base / "data" / name)
        windows = _window_rows(timestamps, labels[name])
        files.append(NabFile(name=name, timestamps=timestamps, values=values, windows=windows))
    return tuple(files)
