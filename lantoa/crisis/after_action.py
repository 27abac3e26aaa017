"""The after-action report of a closed incident as DOCX (python-docx) or PDF (reportlab)."""

import io
from datetime import timedelta
from xml.sax.saxutils import escape

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from lantoa.core.report_font import find_report_font
from lantoa.crisis.actions import response_times
from lantoa.crisis.models import Incident

__all__ = ["after_action_docx", "after_action_pdf"]

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


def _sections(incident: Incident) -> list[tuple[str, list[str]]]:
    times = [f"{_LABELS[k]}: {_duration(v)}" for k, v in response_times(incident).items()]
    timeline = [
        f"{e.at:%d/%m/%Y %H:%M} · {e.get_kind_display()} · {e.text}"
        for e in incident.timeline.all()
    ]
    return [
        ("Diễn biến", [incident.what_happened or "—"]),
        ("Điều làm tốt", [incident.what_worked or "—"]),
        ("Điều cần cải thiện", [incident.to_improve or "—"]),
        ("Thời gian phản ứng", times),
        ("Diễn biến theo thời gian", timeline),
    ]


def after_action_pdf(incident: Incident) -> bytes:
    """The same report as PDF, in a TrueType font with every Vietnamese glyph (embedded)."""
    font = find_report_font()
    if "LantoaReport" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LantoaReport", str(font.regular)))
    body = ParagraphStyle("body", fontName="LantoaReport", fontSize=10, leading=14)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=18, spaceBefore=8)
    story = [
        Paragraph(escape(f"Báo cáo sau sự cố: {incident.title}"), heading),
        Paragraph(escape(f"{incident.owner.name} · {incident.get_severity_display()}"), body),
    ]
    for title, lines in _sections(incident):
        story.append(Paragraph(escape(title), heading))
        story += [Paragraph(escape(line), body) for line in lines]
        story.append(Spacer(1, 4))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=incident.title).build(story)
    return buffer.getvalue()
