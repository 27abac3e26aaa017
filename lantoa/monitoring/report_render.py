"""Render a :class:`~lantoa.monitoring.weekly.WeeklyReportData` as DOCX and PDF (no ORM here).

Both formats are drawn from one list of blocks (headings, paragraphs, tables), so they always
say the same thing. Text is normalised to Unicode NFC first: reportlab places glyphs one code
point at a time and does not compose a base letter with combining tone marks, so decomposed
input ("e" + U+0302 + U+0323) would print detached marks instead of "ệ". The PDF embeds a TTF
with every Vietnamese glyph (see :mod:`lantoa.monitoring.report_font`); the DOCX names Times New
Roman, the typeface of Vietnamese administrative documents, which every office reader has.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.monitoring.report_font import find_report_font
from lantoa.monitoring.weekly import WeeklyReportData

__all__ = ["Block", "render_docx", "render_pdf", "report_blocks"]

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_FONT, _FONT_BOLD = "LantoaSans", "LantoaSans-Bold"


@dataclass(frozen=True, slots=True)
class Block:
    """``kind`` is h1, h2, p or table; a table's first row is its header."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _day(day: date) -> str:
    return f"{_(_WEEKDAYS[day.weekday()])} {day:%d/%m/%Y}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _overview(data: WeeklyReportData) -> list[Block]:
    change = (
        _("tăng %(p)d%% so với tuần trước")
        % {"p": round(100 * (data.total / data.previous_total - 1))}
        if data.previous_total and data.total >= data.previous_total
        else _("giảm %(p)d%% so với tuần trước")
        % {"p": round(100 * (1 - data.total / data.previous_total))}
        if data.previous_total
        else _("tuần trước không có tin")
    )
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
    """The report as blocks, every string in NFC."""
    blocks = [
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
    return [
        Block(b.kind, nfc(b.text), tuple(tuple(nfc(cell) for cell in row) for row in b.rows))
        for b in blocks
    ]


def render_docx(data: WeeklyReportData) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    for block in report_blocks(data):
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


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
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


_TEXT_WIDTH_MM = 174.0  # A4 minus 18 mm margins


def _widths(columns: int) -> list[float]:
    """First column (names, titles, days) takes 45 % of the line, the rest share the remainder."""
    from reportlab.lib.units import mm

    if columns == 1:
        return [_TEXT_WIDTH_MM * mm]
    first = _TEXT_WIDTH_MM * 0.45
    return [first * mm] + [(_TEXT_WIDTH_MM - first) / (columns - 1) * mm] * (columns - 1)


def render_pdf(data: WeeklyReportData) -> bytes:
    """A4 PDF with the Vietnamese TTF embedded; raises ReportFontMissing without one."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle("body", fontName=_FONT, fontSize=10, leading=14, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=_FONT_BOLD)
    h1 = ParagraphStyle(
        "h1", parent=body, fontName=_FONT_BOLD, fontSize=16, leading=20, spaceAfter=8
    )
    h2 = ParagraphStyle(
        "h2", parent=body, fontName=_FONT_BOLD, fontSize=12, leading=16, spaceBefore=8
    )
    styles = {"h1": h1, "h2": h2, "p": body}
    flow: list[object] = []
    for block in report_blocks(data):
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
    title = nfc(
        _("Báo cáo tuần %(week)s: %(topic)s") % {"week": data.week, "topic": data.topic_name}
    )
    document = SimpleDocTemplate(
        out, pagesize=A4, title=title, author="Lantoa", leftMargin=18 * mm, rightMargin=18 * mm
    )
    document.build(flow)
    return out.getvalue()
