"""Background work of reports: thin wrappers over domain functions, idempotent on retry."""

from celery import shared_task


@shared_task(name="lantoa.reports.tasks.send_weekly_summaries")
def send_weekly_summaries() -> int:
    """Periodic (PERIODIC_TASKS "send-weekly-summaries", hourly): from Monday 07:00, once a
    week per subscriber."""
    from lantoa.reports.mail import send_due_summaries

    return send_due_summaries()
