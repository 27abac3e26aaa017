"""The weekly report of a topic as document blocks (no ORM here), rendered to DOCX, PDF or XLSX
by :mod:`lantoa.core.documents`, so every format says the same thing.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.core.documents import Block, render
from lantoa.monitoring.weekly import WeeklyReportData

__all__ = [
    "render_docx",
    "render_pdf",
    "render_report",
    "render_xlsx",
    "report_blocks",
    "volume_change",
]

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _day(day: date) -> str:
    return f"{_(_WEEKDAYS[day.weekday()])} {day:%d/%m/%Y}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def volume_change(now: int, before: int) -> str:
    """This week's count against last week's, in words ("tăng 20% so với tuần trước")."""
    if not before:
        return _("tuần trước không có tin")
    if now >= before:
        return _("tăng %(p)d%% so với tuần trước") % {"p": round(100 * (now / before - 1))}
    return _("giảm %(p)d%% so với tuần trước") % {"p": round(100 * (1 - now / before))}


def _overview(data: WeeklyReportData) -> list[Block]:
    change = volume_change(data.total, data.previous_total)
    lines = [
        Block(
            "h1",
            _("Báo cáo tuần %(week)s: %(topic)s") % {"week": data.week, "topic": data.topic_name},
        ),
        Block(
            "p",
            _("Đơn vị: %(owner)s. Từ %(start)s đến %(end)s. Lập lúc %(at)s.")
            % {
                "owner": data.owner_name,
                "start": data.start.strftime("%d/%m/%Y"),
                "end": data.end.strftime("%d/%m/%Y"),
                "at": timezone.localtime(data.generated_at).strftime("%H:%M %d/%m/%Y"),
            },
        ),
        Block("p", _("Truy vấn: %(query)s") % {"query": data.query}),
        Block("h2", _("1. Lượng tin")),
        Block(
            "p",
            _("Trong tuần có %(total)d tin bài, %(change)s (%(previous)d tin).")
            % {"total": data.total, "change": change, "previous": data.previous_total},
        ),
        Block(
            "table",
            rows=(
                (_("Ngày"), _("Số tin")),
                *tuple((_day(day), str(n)) for day, n in zip(data.days, data.volume, strict=True)),
            ),
        ),
    ]
    return lines


def _sentiment(data: WeeklyReportData) -> list[Block]:
    labels = (
        ("negative", _("Tiêu cực")),
        ("neutral", _("Trung lập")),
        ("positive", _("Tích cực")),
        ("", _("Chưa phân tích")),
    )
    analysed = sum(data.sentiment.get(key, 0) for key, _label in labels[:3])
    rows = tuple(
        (
            label,
            str(data.sentiment.get(key, 0)),
            _percent(data.sentiment.get(key, 0), analysed) if key else "",
        )
        for key, label in labels
    )
    share = (
        _("Tỷ lệ tin tiêu cực trên số tin đã phân tích: %(share)d%%.")
        % {"share": data.negative_share}
        if data.negative_share is not None
        else _("Chưa có tin nào được phân tích sắc thái.")
    )
    return [
        Block("h2", _("2. Sắc thái")),
        Block("p", share),
        Block("table", rows=((_("Sắc thái"), _("Số tin"), _("Tỷ lệ")), *rows)),
    ]


def _spikes(data: WeeklyReportData) -> list[Block]:
    blocks = [Block("h2", _("3. Đột biến và cảnh báo"))]
    if not data.spikes and not data.alerts:
        return [*blocks, Block("p", _("Không phát hiện đột biến nào trong tuần."))]
    for spike in data.spikes:
        text = (
            _("%(day)s: lượng tin tăng bất thường (%(n)d tin).")
            if spike.kind == "volume"
            else _("%(day)s: tỷ lệ tin tiêu cực tăng bất thường (%(n)s%%).")
        )
        value: int | str = (
            int(spike.value) if spike.kind == "volume" else f"{spike.value:g}".replace(".", ",")
        )
        blocks.append(Block("p", "• " + text % {"day": _day(spike.day), "n": value}))
    blocks += [
        Block("p", "• " + _("Cảnh báo: %(title)s") % {"title": title}) for title in data.alerts
    ]
    return blocks


def _stories(data: WeeklyReportData) -> list[Block]:
    blocks = [Block("h2", _("4. Câu chuyện nổi bật"))]
    if not data.top_stories:
        return [*blocks, Block("p", _("Chưa có câu chuyện nào trong tuần."))]
    header = (_("Tiêu đề"), _("Tin trong tuần"), _("Số lần đăng lại"), _("Nguồn đăng"))
    rows = tuple(
        (
            story.title,
            str(story.items),
            str(story.reprints),
            ", ".join(story.outlets) + (" …" if story.outlet_count > len(story.outlets) else ""),
        )
        for story in data.top_stories
    )
    return [*blocks, Block("table", rows=(header, *rows))]


def _ranked(title: str, header: str, pairs: tuple[tuple[str, int], ...]) -> list[Block]:
    if not pairs:
        return [Block("h2", title), Block("p", _("Không có dữ liệu."))]
    rows = tuple((name, str(n)) for name, n in pairs)
    return [Block("h2", title), Block("table", rows=((header, _("Số tin")), *rows))]


def _forecast(data: WeeklyReportData) -> list[Block]:
    blocks = [Block("h2", _("8. Dự báo 14 ngày tới"))]
    if not data.forecast:
        return [*blocks, Block("p", _("Chưa đủ dữ liệu (cần ít nhất 14 ngày) để dự báo."))]
    header = (_("Ngày"), _("Dự báo"), _("Khoảng 80%"), _("Khoảng 95%"))
    rows = tuple(
        (
            _day(day.day),
            f"{day.point:.0f}",
            f"{day.lower_80:.0f}–{day.upper_80:.0f}",
            f"{day.lower_95:.0f}–{day.upper_95:.0f}",
        )
        for day in data.forecast
    )
    return [*blocks, Block("table", rows=(header, *rows))]


def report_blocks(data: WeeklyReportData) -> list[Block]:
    """The report as blocks."""
    return [
        *_overview(data),
        *_sentiment(data),
        *_spikes(data),
        *_stories(data),
        *_ranked(_("5. Nguồn đăng nhiều nhất"), _("Nguồn"), data.top_sources),
        *_ranked(_("6. Từ khóa nổi bật"), _("Từ khóa"), data.keywords),
        *_ranked(_("7. Tỉnh, thành được nhắc đến"), _("Tỉnh, thành"), data.provinces),
        *_forecast(data),
        Block("p", _("Xem bảng theo dõi trực tuyến: %(link)s") % {"link": data.link}),
    ]


def _title(data: WeeklyReportData) -> str:
    return _("Báo cáo tuần %(week)s: %(topic)s") % {"week": data.week, "topic": data.topic_name}


def render_report(fmt: str, data: WeeklyReportData) -> bytes:
    """The report in ``fmt`` (docx, pdf or xlsx); PDF raises ReportFontMissing without a font."""
    return render(fmt, report_blocks(data), title=_title(data))


def render_docx(data: WeeklyReportData) -> bytes:
    return render_report("docx", data)


def render_pdf(data: WeeklyReportData) -> bytes:
    return render_report("pdf", data)


def render_xlsx(data: WeeklyReportData) -> bytes:
    return render_report("xlsx", data)
