"""Background work of monitoring: thin wrappers over domain functions, idempotent on retry."""

from celery import shared_task

from lantoa.monitoring import pipeline


@shared_task(name="lantoa.monitoring.tasks.backfill_topic")
def backfill_topic_task(backfill_id: int) -> int:
    """Retroactively tag existing items for a topic; resumes where a failed run stopped."""
    return pipeline.backfill_topic(backfill_id).matched


@shared_task(name="lantoa.monitoring.tasks.process_new_items")
def process_new_items_task(item_ids: list[int]) -> None:
    pipeline.process_new_items(item_ids)


@shared_task(name="lantoa.monitoring.tasks.evaluate_alert_rules")
def evaluate_alert_rules() -> int:
    """Periodic (PERIODIC_TASKS "evaluate-alerts"): one alert per event, deliveries queued."""
    from lantoa.monitoring.alerts import evaluate_rules

    return evaluate_rules()


@shared_task(name="lantoa.monitoring.tasks.deliver_alert")
def deliver_alert_task(alert_id: int) -> None:
    from lantoa.monitoring.alerts import deliver_alert

    deliver_alert(alert_id)


@shared_task(name="lantoa.monitoring.tasks.send_weekly_reports")
def send_weekly_reports() -> int:
    """Periodic (PERIODIC_TASKS "send-weekly-reports", hourly): from Monday 07:00, once a week."""
    from lantoa.monitoring.weekly import send_due_reports

    return send_due_reports()
