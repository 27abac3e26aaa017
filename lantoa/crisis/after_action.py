"""The after-action report of a closed incident as DOCX (python-docx)."""

import io
from datetime import timedelta

from docx import Document

from lantoa.crisis.actions import response_times
from lantoa.crisis.models import Incident

__all__ = ["after_action_docx"]

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


def after_action_docx(incident: Incident) -> bytes:
    document = Document()
    document.add_heading(f"Báo cáo sau sự cố: {incident.title}", level=1)
    document.add_paragraph(
        f"{incident.owner.name} · Mức độ: {incident.get_severity_display()} · "
        f"Mở: {incident.opened_at:%d/%m/%Y %H:%M} · "
        f"Đóng: {incident.closed_at:%d/%m/%Y %H:%M}"
        if incident.closed_at
        else ""
    )
    for heading, text in (
        ("Diễn biến", incident.what_happened),
        ("Điều làm tốt", incident.what_worked),
        ("Điều cần cải thiện", incident.to_improve),
    ):
        document.add_heading(heading, level=2)
        document.add_paragraph(text or "—")
    document.add_heading("Thời gian phản ứng", level=2)
    for key, value in response_times(incident).items():
        document.add_paragraph(f"{_LABELS[key]}: {_duration(value)}", style="List Bullet")
    document.add_heading("Diễn biến theo thời gian", level=2)
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Thời điểm", "Sự kiện"
    table.rows[0].cells[2].text = "Nội dung"
    for entry in incident.timeline.all():
        cells = table.add_row().cells
        cells[0].text = f"{entry.at:%d/%m/%Y %H:%M}"
        cells[1].text, cells[2].text = str(entry.get_kind_display()), entry.text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
