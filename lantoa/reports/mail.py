"""The weekly summary by e-mail: from Monday 07:00 (Asia/Ho_Chi_Minh) each subscriber gets
last week's summary as they see it, PDF and XLSX attached, once per week.

A :class:`~lantoa.reports.models.SentSummary` row, unique per (user, week), is claimed before
sending (``monitoring.weekly.send_once``, as topic reports are), so a retried or doubled
scheduler never sends twice; a failed send is retried on the next run, a bounded number of
times.
"""

from datetime import date, datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.core.documents import CONTENT_TYPES
from lantoa.monitoring.weekly import due_week, send_once
from lantoa.reports.models import SentSummary, SummarySubscription
from lantoa.reports.render import render_summary, summary_title
from lantoa.reports.summary import Summary, build_summary

__all__ = ["send_due_summaries", "send_summary"]

ATTACHED = ("pdf", "xlsx")


def _body(data: Summary, link: str) -> str:
    lines = [
        _("Báo cáo tuần %(week)s (%(start)s – %(end)s): %(scope)s.")
        % {
            "week": data.week,
            "start": data.start.strftime("%d/%m/%Y"),
            "end": data.end.strftime("%d/%m/%Y"),
            "scope": data.scope,
        },
        _("Tin bài trong tuần: %(total)d (tuần trước: %(previous)d).")
        % {"total": data.items.total, "previous": data.previous_items.total},
    ]
    share = data.items.share("negative")
    if share is not None:
        lines.append(_("Tỷ lệ tin tiêu cực: %(share)d%%.") % {"share": share})
    lines += [
        _("Hiện có %(alerts)d cảnh báo còn mở, %(incidents)d sự cố đang xử lý.")
        % {"alerts": data.open_alerts, "incidents": data.open_incidents},
        _("Báo cáo đầy đủ ở tệp PDF và XLSX đính kèm."),
        _("Xem trên Lantoa: %(link)s") % {"link": link},
    ]
    return "\n".join(lines) + "\n"


def send_summary(user: User, monday: date) -> None:
    """E-mail ``user`` their summary of the week starting ``monday``."""
    data = build_summary(user, monday)
    link = f"{settings.LANTOA_PUBLIC_URL.rstrip('/')}{reverse('reports:index')}?week={data.week}"
    message = EmailMessage(f"[Lantoa] {summary_title(data)}", _body(data, link), to=[user.email])
    for fmt in ATTACHED:
        content = render_summary(fmt, data)
        message.attach(f"lantoa-bao-cao-tuan-{data.week}.{fmt}", content, CONTENT_TYPES[fmt])
    message.send()


def send_due_summaries(now: datetime | None = None) -> int:
    """Send every due, unsent summary (idempotent per user and week); returns how many."""
    monday = due_week(now)
    sent = 0
    subscribers = (
        SummarySubscription.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user__organization")
    )
    for subscription in subscribers:
        user = subscription.user
        record, _created = SentSummary.objects.get_or_create(user=user, week_start=monday)
        sent += send_once(
            SentSummary.objects.filter(pk=record.pk),
            record.attempts,
            lambda: send_summary(user, monday),  # noqa: B023 - called now
            what=f"weekly summary for {user.pk}, {monday}",
        )
    return sent
