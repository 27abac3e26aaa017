"""The after-action report of a closed incident as document blocks, rendered to DOCX, PDF or
XLSX by :mod:`lantoa.core.documents`. Times are local (Asia/Ho_Chi_Minh)."""

from datetime import datetime, timedelta

from django.utils import timezone

from lantoa.core.documents import Block, render
from lantoa.crisis.actions import response_times
from lantoa.crisis.models import Incident

__all__ = ["after_action_blocks", "render_after_action"]

_LABELS = {
    "member": "Đến khi có thành viên tổ công tác đầu tiên",
    "task_done": "Đến khi hoàn thành nhiệm vụ đầu tiên",
    "statement_approved": "Đến khi thông cáo đầu tiên được duyệt",
}


def _duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60} giờ {minutes % 60} phút"


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}"


def _title(incident: Incident) -> str:
    return f"Báo cáo sau sự cố: {incident.title}"


def after_action_blocks(incident: Incident) -> list[Block]:
    closed = f" · Đóng: {_when(incident.closed_at)}" if incident.closed_at else ""
    blocks = [
        Block("h1", _title(incident)),
        Block(
            "p",
            f"{incident.owner.name} · Mức độ: {incident.get_severity_display()} · "
            f"Mở: {_when(incident.opened_at)}{closed}",
        ),
    ]
    for heading, text in (
        ("Diễn biến", incident.what_happened),
        ("Điều làm tốt", incident.what_worked),
        ("Điều cần cải thiện", incident.to_improve),
    ):
        blocks += [Block("h2", heading), Block("p", text or "—")]
    blocks.append(Block("h2", "Thời gian phản ứng"))
    blocks += [
        Block("p", f"• {_LABELS[key]}: {_duration(value)}")
        for key, value in response_times(incident).items()
    ]
    timeline = tuple(
        (_when(entry.at), str(entry.get_kind_display()), entry.text)
        for entry in incident.timeline.all()
    )
    return [
        *blocks,
        Block("h2", "Diễn biến theo thời gian"),
        Block("table", rows=(("Thời điểm", "Sự kiện", "Nội dung"), *timeline)),
    ]


def render_after_action(fmt: str, incident: Incident) -> bytes:
    """The report in ``fmt`` (docx, pdf or xlsx); PDF raises ReportFontMissing without a font."""
    return render(fmt, after_action_blocks(incident), title=_title(incident))
