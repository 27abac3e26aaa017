"""The periodic table: every entry names a registered Celery task, run in-process by name."""

import pytest
from django.conf import settings

from lantoa.celery import app as celery_app
from lantoa.core.scheduler import PeriodicTask, _run_once, periodic_tasks


def test_every_periodic_task_is_a_registered_celery_task() -> None:
    celery_app.loader.import_default_modules()

    names = {task.task_name for task in periodic_tasks()}

    assert names == {spec["task"] for spec in settings.PERIODIC_TASKS.values()}
    assert names <= set(celery_app.tasks)
    assert settings.CELERY_BEAT_SCHEDULE["poll-due-sources"]["schedule"] == 60


@pytest.mark.django_db
def test_a_periodic_task_runs_in_process_by_name() -> None:
    celery_app.loader.import_default_modules()

    _run_once(
        PeriodicTask(name="poll", task_name="lantoa.sources.tasks.poll_due_sources", seconds=60)
    )


@pytest.mark.django_db
def test_a_failing_periodic_task_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    _run_once(PeriodicTask(name="broken", task_name="lantoa.khong-ton-tai", seconds=60))

    assert "Periodic task broken failed" in caplog.text
