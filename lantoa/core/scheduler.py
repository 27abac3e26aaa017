"""The in-process scheduler of the embedded default: the same periodic tasks Celery beat runs.

``PERIODIC_TASKS`` in settings maps a schedule name to a Celery task name and an interval;
`lantoa run` starts this loop in a daemon thread and runs each task from Celery's registry, a
deployment runs `celery beat` with the same table instead.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections

from lantoa.celery import app as celery_app

__all__ = ["PeriodicTask", "periodic_tasks", "start_in_process_scheduler"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PeriodicTask:
    name: str
    task_name: str
    seconds: int


def periodic_tasks() -> list[PeriodicTask]:
    table: dict[str, dict[str, object]] = getattr(settings, "PERIODIC_TASKS", {})
    return [
        PeriodicTask(name=name, task_name=str(spec["task"]), seconds=int(str(spec["seconds"])))
        for name, spec in table.items()
    ]


def _run_once(task: PeriodicTask) -> None:
    close_old_connections()
    try:
        celery_app.tasks[task.task_name]()
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
    celery_app.loader.import_default_modules()  # registers every app's tasks by name
    tasks = periodic_tasks()
    thread = threading.Thread(
        target=_loop, args=(tasks, stop), name="lantoa-scheduler", daemon=True
    )
    thread.start()
    logger.info("In-process scheduler started with %d periodic task(s)", len(tasks))
    return stop
