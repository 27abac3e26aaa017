"""Render a report, given as a list of blocks (headings, paragraphs, tables), as DOCX, PDF or
XLSX (no ORM here). Every format is drawn from the same blocks, so they always say the same
thing; a domain builds its blocks and picks the format.

Text is normalised to Unicode NFC first: reportlab places glyphs one code point at a time and
does not compose a base letter with combining tone marks, so decomposed input ("e" + U+0302 +
U+0323) would print detached marks instead of "ệ". The PDF embeds a TTF with every Vietnamese
glyph (see :mod:`lantoa.core.report_font`); the DOCX names Times New Roman, the typeface
of Vietnamese administrative documents, which every office reader has.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lantoa.core.report_font import find_report_font

__all__ = [
    "CONTENT_TYPES",
    "Block",
    "nfc",
    "register_report_fonts",
    "render",
    "render_docx",
    "render_pdf",
    "render_xlsx",
]

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FONT, _FONT_BOLD = "LantoaSans", "LantoaSans-Bold"


@dataclass(frozen=True, slots=True)
class Block:
    """``kind`` is h1, h2, p or table; a table's first row is its header."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _normalised(blocks: Sequence[Block]) -> list[Block]:
    return [
        Block(b.kind, nfc(b.text), tuple(tuple(nfc(cell) for cell in row) for row in b.rows))
        for b in blocks
    ]


def render(fmt: str, blocks: Sequence[Block], *, title: str) -> bytes:
    """``blocks`` in ``fmt`` (a key of CONTENT_TYPES); ValueError for any other format."""
    renderers = {"docx": render_docx, "pdf": render_pdf, "xlsx": render_xlsx}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}")
    return renderers[fmt](blocks, title=title)


def render_docx(blocks: Sequence[Block], *, title: str) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = nfc(title)
    document.core_properties.author = "Lantoa"
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    for block in _normalised(blocks):
        if block.kind == "h1":
            document.add_heading(block.text, level=1)
        elif block.kind == "h2":
            document.add_heading(block.text, level=2)
        elif block.kind == "p":
            document.add_paragraph(block.text)
        else:
            table = document.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for index, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
                    if index == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_xlsx(blocks: Sequence[Block], *, title: str) -> bytes:
    """One sheet, read top to bottom like the document; whole numbers in tables stay numbers,
    so the figures can be summed and charted."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Báo cáo"
    workbook.properties.title = nfc(title)
    workbook.properties.creator = "Lantoa"
    fonts = {"h1": Font(bold=True, size=14), "h2": Font(bold=True, size=12)}
    for block in _normalised(blocks):
        if block.kind in ("h1", "h2", "p"):
            if block.kind == "h2":
                sheet.append([])
            sheet.append([block.text])
            if block.kind in fonts:
                sheet.cell(row=sheet.max_row, column=1).font = fonts[block.kind]
            continue
        for index, row in enumerate(block.rows):
            sheet.append([_cell_value(text) if index else text for text in row])
            if index == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 60
    for column in "BCDEFG":
        sheet.column_dimensions[column].width = 16
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell_value(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def register_report_fonts() -> tuple[str, str]:
    """Register the Vietnamese TTF with reportlab once per process; returns the regular and
    bold font names. Raises ReportFontMissing when no such font is installed."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return _FONT, _FONT_BOLD
    font = find_report_font()
    pdfmetrics.registerFont(TTFont(_FONT, str(font.regular)))
    pdfmetrics.registerFont(TTFont(_FONT_BOLD, str(font.bold or font.regular)))
    for bold, italic, name in (
        (0, 0, _FONT),
        (1, 0, _FONT_BOLD),
        (0, 1, _FONT),
        (1, 1, _FONT_BOLD),
    ):
        addMapping(_FONT, bold, italic, name)
    return _FONT, _FONT_BOLD


_TEXT_WIDTH_MM = 174.0  # A4 minus 18 mm margins


def _widths(columns: int) -> list[float]:
    """First column (names, titles, days) takes 45 % of the line, the rest share the remainder."""
    from reportlab.lib.units import mm

    if columns == 1:
        return [_TEXT_WIDTH_MM * mm]
    first = _TEXT_WIDTH_MM * 0.45
    return [first * mm] + [(_TEXT_WIDTH_MM - first) / (columns - 1) * mm] * (columns - 1)


def render_pdf(blocks: Sequence[Block], *, title: str) -> bytes:
    """A4 PDF with the Vietnamese TTF embedded; raises ReportFontMissing without one."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = register_report_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=bold)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=16, leading=20, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=8)
    styles = {"h1": h1, "h2": h2, "p": body}
    flow: list[object] = []
    for block in _normalised(blocks):
        if block.kind in styles:
            flow.append(Paragraph(escape(block.text), styles[block.kind]))
            continue
        rows = [
            [Paragraph(escape(text), head if index == 0 else cell) for text in row]
            for index, row in enumerate(block.rows)
        ]
        table = Table(rows, colWidths=_widths(len(block.rows[0])), repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        flow += [table, Spacer(1, 4 * mm)]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, title=nfc(title), author="Lantoa", leftMargin=18 * mm, rightMargin=18 * mm
    )
    document.build(flow)
    return out.getvalue()
