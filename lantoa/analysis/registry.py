"""Find the production models in a data directory: the newest version per task and mode.

Layout: ``<data_dir>/models/<task>/<version>.joblib`` with a ``<version>.json`` card whose
``mode`` is "fast" or "accurate". Versions are UTC timestamps, so the newest sorts last.
"""

import json
import os
from pathlib import Path

from lantoa.analysis.pipeline import ModelSet
from lantoa.analysis.training import TASKS, TextClassifier, load_model

__all__ = ["has_accurate_models", "latest_model_path", "load_model_set", "models_signature"]


def _card_mode(card_path: Path) -> str:
    try:
        return str(json.loads(card_path.read_text(encoding="utf-8")).get("mode", "fast"))
    except (OSError, ValueError):
        return ""


def latest_model_path(data_dir: Path, task: str, mode: str = "fast") -> Path | None:
    """The newest model file of ``task`` for ``mode``, or None when there is none."""
    folder = data_dir / "models" / task
    candidates = sorted(folder.glob("*.joblib")) if folder.is_dir() else []
    matching = [p for p in candidates if _card_mode(p.with_suffix(".json")) == mode]
    return matching[-1] if matching else None


def models_signature(data_dir: Path) -> tuple[object, ...]:
    """Changes whenever a model file under ``data_dir`` is added, removed or rewritten (one
    folder listing per task: name, size and modification time of each file), so a
    long-running process knows when to load the models again. Folder times alone could miss
    a second model written within the file system's timestamp resolution."""
    return (str(data_dir), *(_file_stamps(data_dir / "models" / task) for task in TASKS))


def _file_stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, modification time) of each file in ``folder``, sorted; none if absent."""
    stamps = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_file():
                    stat = entry.stat()
                    stamps.append((entry.name, stat.st_size, stat.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(stamps))


def has_accurate_models(data_dir: Path) -> bool:
    """Whether any task has an accurate model under ``data_dir`` (reads cards, loads none)."""
    return any(latest_model_path(data_dir, task, "accurate") is not None for task in TASKS)


def load_model_set(data_dir: Path) -> ModelSet:
    """Every task's newest fast and accurate model found under ``data_dir`` (possibly none)."""
    loaded: dict[str, dict[str, TextClassifier]] = {"fast": {}, "accurate": {}}
    for mode, models in loaded.items():
        for task in TASKS:
            path = latest_model_path(data_dir, task, mode)
            if path is not None:
                models[task] = load_model(path)
    return ModelSet(fast=loaded["fast"], accurate=loaded["accurate"])
