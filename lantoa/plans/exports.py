"""The compliance board as a report to the superior body: XLSX (openpyxl) and DOCX (python-docx)."""

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from lantoa.plans.budget import BudgetSummary, format_vnd
from lantoa.plans.compliance import Board, ComplianceRow
from lantoa.plans.impact import ImpactPoint, Phase, TopicImpact, topic_rows
from lantoa.plans.labels import count_label, group_name, status_name
from lantoa.plans.models import Activity, FundingSource, Plan

__all__ = ["DOCX", "XLSX", "board_docx", "board_title", "board_xlsx", "plan_docx"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def board_title(board: Board) -> str:
    return _("Tình hình ban hành kế hoạch truyền thông chính sách năm %(year)s — %(parent)s") % {
        "year": board.year,
        "parent": board.parent_name,
    }


def _headers() -> list[str]:
    return [
        _("STT"),
        _("Đơn vị"),
        _("Nhóm"),
        _("Trạng thái"),
        _("Số văn bản"),
        _("Ngày ban hành"),
        _("Đúng hạn"),
    ]


def _timeliness(row: ComplianceRow) -> str:
    if row.on_time is None:
        return _("Chưa ban hành")
    return _("Đúng hạn") if row.on_time else _("Quá hạn")


def _cells(number: int, row: ComplianceRow) -> list[str]:
    child = row.child
    return [
        str(number),
        child.organization_name,
        group_name(child.organization_type),
        status_name(child.plan_status),
        child.document_number,
        f"{child.document_date:%d/%m/%Y}" if child.document_date else "",
        _timeliness(row),
    ]


def _summary_lines(board: Board) -> list[str]:
    lines = [_("Hạn ban hành: %(date)s") % {"date": f"{board.deadline:%d/%m/%Y}"}]
    for count in board.counts:
        lines.append(
            _("%(label)s đã ban hành kế hoạch (%(on_time)s đúng hạn, %(late)s quá hạn)")
            % {"label": count_label(count), "on_time": count.on_time, "late": count.late}
        )
    return lines


def board_xlsx(board: Board) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Kế hoạch %(year)s") % {"year": board.year}
    sheet.append([board_title(board)])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in _summary_lines(board):
        sheet.append([line])
    sheet.append([])
    sheet.append(_headers())
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number, row in enumerate(board.rows, start=1):
        sheet.append(_cells(number, row))
    for column, width in zip("ABCDEFG", (6, 48, 18, 20, 18, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def board_docx(board: Board) -> bytes:
    document = Document()
    document.add_heading(board_title(board), level=1)
    for line in _summary_lines(board):
        document.add_paragraph(line)
    headers = _headers()
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for number, row in enumerate(board.rows, start=1):
        for cell, text in zip(table.add_row().cells, _cells(number, row), strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: Any, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}".replace(".", ",")


def _topic_sections(document: Any, topics: Sequence[TopicImpact], names: dict[str, str]) -> None:
    """Coverage and sentiment of each policy's monitoring topic, or why there is none."""
    document.add_heading(_("Độ phủ và sắc thái của chủ đề theo dõi"), level=3)
    if not topics:
        document.add_paragraph(_("Các hoạt động chưa gắn chính sách nên chưa có số liệu theo dõi."))
    for topic in topics:
        if topic.summary is None:
            document.add_paragraph(f"{topic.policy}: " + _("Chính sách chưa gắn chủ đề theo dõi."))
            continue
        document.add_paragraph(f"{topic.policy} — " + _("chủ đề") + f" «{topic.topic}»")
        _table(
            document,
            [
                _("Giai đoạn"),
                _("Số tin"),
                _("Tin/ngày"),
                _("Tỷ trọng (%)"),
                _("Tiêu cực (%)"),
                _("Trung lập (%)"),
                _("Tích cực (%)"),
            ],
            [
                [
                    names[row.phase],
                    str(row.items),
                    _number(row.items_per_day),
                    _number(row.share_percent),
                    _number(row.negative_percent),
                    _number(row.neutral_percent),
                    _number(row.positive_percent),
                ]
                for row in topic_rows(topic.summary)
            ],
        )


def plan_docx(
    plan: Plan,
    activities: Sequence[Activity],
    budget: BudgetSummary,
    impact: Sequence[ImpactPoint] | None,
    *,
    today: date,
    topics: Sequence[TopicImpact] = (),
) -> bytes:
    """A plan report: header, activities (overdue marked), budget by source, impact by phase."""
    document = Document()
    document.add_heading(plan.title, level=1)
    document.add_paragraph(
        _("Cơ quan: %(org)s — Năm %(year)s — Trạng thái: %(status)s")
        % {"org": plan.organization.name, "year": plan.year, "status": plan.get_status_display()}
    )
    if plan.document_number and plan.document_date:
        document.add_paragraph(
            _("Văn bản phê duyệt số %(number)s ngày %(day)s")
            % {"number": plan.document_number, "day": f"{plan.document_date:%d/%m/%Y}"}
        )
    document.add_heading(_("Hoạt động"), level=2)
    _table(
        document,
        [_("Hoạt động"), _("Thời gian"), _("Trạng thái"), _("Dự toán")],
        [
            [
                a.title + (f" ({_('Quá hạn')})" if a.is_overdue(today) else ""),
                f"{a.starts_on:%d/%m/%Y} – {a.ends_on:%d/%m/%Y}",
                a.get_status_display(),
                format_vnd(budget.by_activity[a.pk].planned) if a.pk in budget.by_activity else "",
            ]
            for a in activities
        ],
    )
    document.add_heading(_("Kinh phí"), level=2)
    labels = dict(FundingSource.choices)
    rows = [
        [str(labels.get(k, k)), format_vnd(f.planned), format_vnd(f.committed), format_vnd(f.spent)]
        for k, f in budget.by_source.items()
    ]
    total = budget.total
    rows.append(
        [
            _("Tổng cộng"),
            format_vnd(total.planned),
            format_vnd(total.committed),
            format_vnd(total.spent),
        ]
    )
    _table(document, [_("Nguồn"), _("Dự toán"), _("Đã cam kết"), _("Đã chi")], rows)
    if total.over_budget:
        document.add_paragraph(_("Cảnh báo: đã cam kết hoặc đã chi vượt dự toán."))
    if impact is not None:
        document.add_heading(_("Hiệu quả"), level=2)
        names = {Phase.BEFORE: _("Trước"), Phase.DURING: _("Trong"), Phase.AFTER: _("Sau")}
        _table(
            document,
            [_("Giai đoạn"), _("Số tin, bài"), _("Lượt tương tác")],
            [[names[p.phase], str(p.items), str(p.reach)] for p in impact],
        )
        _topic_sections(document, topics, names)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
