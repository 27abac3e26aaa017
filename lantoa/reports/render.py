"""The weekly summary as document blocks (no ORM here), rendered to DOCX, PDF or XLSX by
:mod:`lantoa.core.documents`, and shown on the reports page from the same blocks."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.core.documents import Block, render
from lantoa.monitoring.report_render import volume_change
from lantoa.reports.summary import SENTIMENTS, Sentiment, Summary

__all__ = ["render_summary", "summary_blocks", "summary_title"]

_SENTIMENT_NAMES = {
    "negative": gettext_lazy("Tiêu cực"),
    "neutral": gettext_lazy("Trung lập"),
    "positive": gettext_lazy("Tích cực"),
}


def _when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def _percent(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def _shift(now: int | None, before: int | None) -> str:
    """Change of a share in percentage points, "–" when either week has nothing analysed."""
    if now is None or before is None:
        return "–"
    return _("%(change)+d điểm") % {"change": now - before}


def summary_title(data: Summary) -> str:
    return _("Báo cáo tuần %(week)s: %(scope)s") % {"week": data.week, "scope": data.scope}


def _items(data: Summary) -> list[Block]:
    now, before = data.items, data.previous_items
    rows = tuple(
        (
            str(_SENTIMENT_NAMES[s]),
            str(now.counts[s]),
            _percent(now.share(s)),
            str(before.counts[s]),
            _percent(before.share(s)),
            _shift(now.share(s), before.share(s)),
        )
        for s in SENTIMENTS
    )
    unanalysed = (_("Chưa phân tích"), str(now.unanalysed), "", str(before.unanalysed), "", "")
    header = (
        _("Sắc thái"),
        _("Tuần này"),
        _("Tỷ lệ"),
        _("Tuần trước"),
        _("Tỷ lệ"),
        _("Thay đổi tỷ lệ"),
    )
    return [
        Block("h2", _("1. Thông tin trên báo chí, mạng xã hội")),
        Block(
            "p",
            _("Trong tuần có %(total)d tin bài, %(change)s (%(previous)d tin).")
            % {
                "total": now.total,
                "change": volume_change(now.total, before.total),
                "previous": before.total,
            },
        ),
        Block("table", rows=(header, *rows, unanalysed)),
    ]


def _topic_row(name: str, now: Sentiment, before: Sentiment) -> tuple[str, ...]:
    return (
        name,
        str(now.total),
        str(before.total),
        _percent(now.share("negative")),
        _percent(before.share("negative")),
        _shift(now.share("negative"), before.share("negative")),
        _percent(now.share("positive")),
    )


def _topics(data: Summary) -> list[Block]:
    blocks = [Block("h2", _("2. Chủ đề đang theo dõi"))]
    if not data.topics:
        return [*blocks, Block("p", _("Chưa có chủ đề nào đang theo dõi."))]
    header = (
        _("Chủ đề"),
        _("Tin tuần này"),
        _("Tin tuần trước"),
        _("Tiêu cực tuần này"),
        _("Tiêu cực tuần trước"),
        _("Thay đổi"),
        _("Tích cực tuần này"),
    )
    rows = tuple(_topic_row(t.name, t.this_week, t.last_week) for t in data.topics)
    return [*blocks, Block("table", rows=(header, *rows))]


def _alerts(data: Summary) -> list[Block]:
    blocks = [
        Block("h2", _("3. Cảnh báo sớm")),
        Block("p", _("Cảnh báo còn mở hiện nay: %(n)d.") % {"n": data.open_alerts}),
    ]
    if not data.alerts:
        return [*blocks, Block("p", _("Không có cảnh báo mới trong tuần."))]
    header = (_("Loại cảnh báo"), _("Phát sinh trong tuần"), _("Trong đó đã đóng"))
    rows = tuple((kind, str(raised), str(closed)) for kind, raised, closed in data.alerts)
    return [*blocks, Block("table", rows=(header, *rows))]


def _false_information(data: Summary) -> list[Block]:
    blocks = [
        Block("h2", _("4. Thông tin sai lệch")),
        Block("p", _("Tiếp nhận %(n)d phản ánh, tin báo.") % {"n": data.tips}),
    ]
    if not data.verdicts:
        return [*blocks, Block("p", _("Không công bố kết luận xác minh nào trong tuần."))]
    header = (_("Kết luận đã công bố"), _("Số thông tin"))
    rows = tuple((verdict, str(n)) for verdict, n in data.verdicts)
    return [*blocks, Block("table", rows=(header, *rows))]


def _incidents(data: Summary) -> list[Block]:
    blocks = [
        Block("h2", _("5. Sự cố truyền thông")),
        Block("p", _("Sự cố đang xử lý hiện nay: %(n)d.") % {"n": data.open_incidents}),
    ]
    if not data.incidents:
        return [*blocks, Block("p", _("Không có sự cố mở hoặc đóng trong tuần."))]
    header = (_("Sự cố"), _("Mức độ"), _("Mở lúc"), _("Đóng lúc"))
    rows = tuple(
        (
            line.title,
            line.severity,
            _when(line.opened_at),
            _when(line.closed_at) if line.closed_at else _("đang xử lý"),
        )
        for line in data.incidents
    )
    return [*blocks, Block("table", rows=(header, *rows))]


def _counts(title: str, pairs: tuple[tuple[str, int], ...]) -> list[Block]:
    rows = tuple((name, str(n)) for name, n in pairs)
    return [Block("h2", title), Block("table", rows=((_("Chỉ tiêu"), _("Số lượng")), *rows))]


def _press(data: Summary) -> list[Block]:
    return _counts(
        _("6. Phát ngôn và cung cấp thông tin cho báo chí"),
        (
            (_("Câu hỏi của báo chí nhận được"), data.questions_received),
            (_("Câu hỏi đã trả lời"), data.questions_answered),
            (_("Trong đó trả lời sau hạn"), data.answered_late),
            (_("Câu hỏi quá hạn chưa trả lời (cuối tuần)"), data.questions_overdue),
            (_("Thông cáo báo chí được duyệt"), data.releases_approved),
        ),
    )


def _plans(data: Summary) -> list[Block]:
    return _counts(
        _("7. Kế hoạch truyền thông"),
        (
            (_("Hoạt động hoàn thành, kết thúc trong tuần"), data.activities_done),
            (_("Hoạt động quá hạn chưa hoàn thành"), data.activities_overdue),
        ),
    )


def _comments(data: Summary) -> list[Block]:
    blocks = [Block("h2", _("8. Lấy ý kiến dự thảo"))]
    if not data.comments:
        return [*blocks, Block("p", _("Không có góp ý mới trong tuần."))]
    header = (_("Dự thảo"), _("Góp ý mới được đăng"))
    rows = tuple((title, str(n)) for title, n in data.comments)
    return [*blocks, Block("table", rows=(header, *rows))]


def summary_blocks(data: Summary) -> list[Block]:
    """The summary as blocks, in the order of the document."""
    return [
        Block("h1", summary_title(data)),
        Block(
            "p",
            _("Từ %(start)s đến %(end)s. Lập lúc %(at)s.")
            % {
                "start": data.start.strftime("%d/%m/%Y"),
                "end": data.end.strftime("%d/%m/%Y"),
                "at": _when(data.generated_at),
            },
        ),
        *_items(data),
        *_topics(data),
        *_alerts(data),
        *_false_information(data),
        *_incidents(data),
        *_press(data),
        *_plans(data),
        *_comments(data),
    ]


def render_summary(fmt: str, data: Summary) -> bytes:
    """The summary in ``fmt`` (docx, pdf or xlsx); PDF raises ReportFontMissing without a font."""
    return render(fmt, summary_blocks(data), title=summary_title(data))
