"""The compliance board as a report to the superior body: XLSX (openpyxl) and DOCX (python-docx)."""

import io

from django.utils.translation import gettext as _
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from lantoa.plans.compliance import Board, ComplianceRow
from lantoa.plans.labels import count_label, group_name, status_name

__all__ = ["board_docx", "board_title", "board_xlsx"]


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
