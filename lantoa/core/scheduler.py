"""The in-process scheduler of the embedded default: the same periodic tasks Celery beat runs.

``PERIODIC_TASKS`` in settings maps a name to a task path and an interval; `lantoa run` starts
this loop in a daemon thread, a deployment runs `celery beat` with the same table instead.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections
from django.utils.module_loading import import_string

__all__ = ["PeriodicTask", "periodic_tasks", "start_in_process_scheduler"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PeriodicTask:
    name: str
    task_path: str
    seconds: int


def periodic_tasks() -> list[PeriodicTask]:
    table: dict[str, dict[str, object]] = getattr(settings, "PERIODIC_TASKS", {})
    return [
        PeriodicTask(name=name, task_path=str(spec["task"]), seconds=int(str(spec["seconds"])))
        for name, spec in table.items()
    ]


def _run_once(task: PeriodicTask) -> None:
    close_old_connections()
    try:
        function: Callable[[], object] = import_string(task.task_path)
        function()
    except Exception:
        logger.exception("Periodic task %s failed; it will run again next time", task.name)
    finally:
        close_old_connections()


def _loop(tasks: list[PeriodicTask], stop: threading.Event) -> None:
    due = dict.fromkeys((task.name for task in tasks), 0.0)
    while not stop.is_set():
        now = time.monotonic()
        for task in tasks:
            if now >= due[task.name]:
                _run_once(task)
                due[task.name] = time.monotonic() + task.seconds
        stop.wait(1.0)


def start_in_process_scheduler() -> threading.Event:
    """Start the loop in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    tasks = periodic_tasks()
    thread = threading.Thread(
        target=_loop, args=(tasks, stop), name="lantoa-scheduler", daemon=True
    )
    thread.start()
    logger.info("In-process scheduler started with %d periodic task(s)", len(tasks))
    return stop
