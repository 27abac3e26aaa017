"""Argument handling shared by the analysis management commands (not a command itself)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from lantoa.analysis.datasets import DatasetError, LabelledTexts, load_labelled
from lantoa.analysis.training import TASKS

__all__ = [
    "add_budget_arguments",
    "add_task_argument",
    "checked_budget",
    "data_dir",
    "read_labelled",
    "run_in_budgets",
]


def add_task_argument(parser: object) -> None:
    parser.add_argument("task", choices=TASKS)  # type: ignore[attr-defined]


def data_dir() -> Path:
    """``settings.LANTOA_DATA_DIR`` (default ``var/``)."""
    return Path(getattr(settings, "LANTOA_DATA_DIR", Path("var")))


def read_labelled(path: str) -> LabelledTexts:
    """Load a labelled file or raise CommandError with the loader's message."""
    try:
        return load_labelled(Path(path), skip_empty_text=False)
    except DatasetError as error:
        raise CommandError(str(error)) from error


def add_budget_arguments(parser: object, *, all_help: str) -> None:
    """``--budget N``, ``--all`` and ``--json`` of the commands that work a backlog in runs."""
    parser.add_argument(  # type: ignore[attr-defined]
        "--budget", type=int, help="items per run (default: the setting)"
    )
    parser.add_argument("--all", action="store_true", help=all_help)  # type: ignore[attr-defined]
    parser.add_argument(  # type: ignore[attr-defined]
        "--json", action="store_true", help="end with one JSON line"
    )


def checked_budget(options: dict[str, Any]) -> int | None:
    """The ``--budget`` given (None: the setting's), refusing one below 1."""
    budget: int | None = options["budget"]
    if budget is not None and budget < 1:
        raise CommandError("--budget must be at least 1")
    return budget


def run_in_budgets(
    run: Callable[[], int], remaining: Callable[[], int], *, until_done: bool
) -> tuple[int, int]:
    """Call ``run`` (one budgeted run; returns how many items it did) once, or with
    ``until_done`` until ``remaining()`` reaches 0 or a run leaves as many as before (rather than
    loop for ever). Returns (items done, items remaining)."""
    done, left = 0, remaining()
    while True:
        done += run()
        before, left = left, remaining()
        if not until_done or left == 0 or left >= before:
            return done, left
