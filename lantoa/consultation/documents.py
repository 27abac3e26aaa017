"""Drafts in (DOCX, PDF or pasted text) and the summary report out (DOCX and PDF).

A PDF draft is read from its text layer with pypdf. PDF text comes out as the lines the page
shows, so a paragraph that wrapped on the page comes back in pieces; :func:`repair_pdf_lines`
puts them back together (see there) before the same splitter as for DOCX runs. Encrypted PDFs,
PDFs without a text layer (scans) and PDFs over :data:`MAX_PDF_BYTES` / :data:`MAX_PDF_PAGES`
are refused with a Vietnamese message (``ValueError``) before anything is stored.
"""

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from lantoa.consultation.models import Consultation, DraftVersion, ResponseKind
from lantoa.consultation.queries import analyse_version
from lantoa.consultation.structure import Unit, split_text, units_from_paragraphs
from lantoa.core.documents import register_report_fonts
from lantoa.core.text import normalize_text

__all__ = [
    "MAX_PDF_BYTES",
    "MAX_PDF_PAGES",
    "SummaryRow",
    "read_docx",
    "read_pdf",
    "repair_pdf_lines",
    "summary_docx",
    "summary_pdf",
    "summary_rows",
]

MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 500


def read_docx(stream: IO[bytes]) -> tuple[str, tuple[Unit, ...]]:
    """The text of a DOCX draft (one paragraph per line) and its units."""
    try:
        document = Document(stream)
    except Exception as error:  # python-docx raises several kinds on a non-DOCX file
        raise ValueError(_("Không đọc được tệp DOCX: %(e)s") % {"e": error}) from None
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    return "\n".join(paragraphs), units_from_paragraphs(paragraphs)


# A line that starts a unit of a legal draft: never glued to the line above.
_STARTS_UNIT = re.compile(
    r"^(?:Chương\s+(?:[IVXLC]+|\d+)\b|Mục\s+\d+\b|Điều\s+\d+[a-zđ]?\s*[.:]|\d+\.\s|[a-zđ]\)\s)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)
_ENDS_PARAGRAPH = (".", ";", ":", "!", "?")
_FIT_SHARE = 0.98  # another typeface than the PDF's own: allow a little slack


def _width(text: str) -> float:
    """Printed width of ``text`` estimated with the report font's metrics (any PDF's own font
    has similar proportions; far better than counting characters)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, _bold = register_report_fonts()
    return float(stringWidth(text, regular, 10))


def _wrapped(line: str, next_line: str, longest: float) -> bool:
    """Whether ``line`` was broken by the page margin rather than by its author.

    The test a typesetter applies: the first word of the next line did not fit after ``line``
    within the width of the page's longest line.
    """
    first_word = next_line.split(" ", 1)[0]
    return _width(f"{line} {first_word}") > _FIT_SHARE * longest


def repair_pdf_lines(pages: Sequence[str]) -> str:
    """Join the lines of each page's text back into paragraphs, one paragraph per line.

    A line is glued to the one above when the line above was broken by the margin (the first
    word of the line would not have fitted after it, see :func:`_wrapped`), does not end a
    sentence or list item (``. ; : ! ?``) and the line itself does not start a unit (Chương,
    Mục, "Điều 5.", "1. ", "a) "). A word split by a hyphen at the end of a line ("quy-" /
    "định") is joined without the hyphen. Lines that are only a page number ("3", "Trang 3",
    "3/12") are dropped. Headings and numbered khoản therefore always start their own line,
    and a short heading followed by its body is not glued to it.
    """
    lines: list[tuple[str, float]] = []  # (text, width of the longest line of its page)
    for page in pages:
        page_lines = [
            " ".join(line.split())
            for line in unicodedata.normalize("NFC", page).splitlines()
            if line.strip() and not _PAGE_NUMBER.match(line.strip())
        ]
        longest = max((_width(line) for line in page_lines), default=0.0)
        lines.extend((line, longest) for line in page_lines)
    paragraphs: list[str] = []
    previous: tuple[str, float] | None = None
    for line, longest in lines:
        glue = (
            previous is not None
            and _wrapped(previous[0], line, previous[1])
            and not paragraphs[-1].endswith(_ENDS_PARAGRAPH)
            and not _STARTS_UNIT.match(line)
        )
        if glue and re.search(r"\w-$", paragraphs[-1]) and line[:1].islower():
            paragraphs[-1] = paragraphs[-1][:-1] + line
        elif glue:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous = (line, longest)
    return "\n".join(paragraphs)


def read_pdf(stream: IO[bytes]) -> tuple[str, tuple[Unit, ...]]:
    """The text of a PDF draft (one paragraph per line, normalised) and its units."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = stream.read(MAX_PDF_BYTES + 1)
    if len(data) > MAX_PDF_BYTES:
        raise ValueError(
            _("Tệp PDF quá lớn (tối đa %(mb)d MB).") % {"mb": MAX_PDF_BYTES // (1024 * 1024)}
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError(
                _(
                    "Tệp PDF được đặt mật khẩu hoặc mã hoá nên không đọc được; "
                    "hãy gỡ mật khẩu rồi tải lên lại."
                )
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ValueError(
                _("Tệp PDF có quá nhiều trang (tối đa %(n)d trang).") % {"n": MAX_PDF_PAGES}
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, OSError, KeyError, TypeError, AssertionError) as error:
        raise ValueError(_("Không đọc được tệp PDF: %(e)s") % {"e": error}) from None
    text = normalize_text(repair_pdf_lines(pages))
    if not any(char.isalpha() for char in text):
        raise ValueError(
            _(
                "Tệp PDF không có lớp chữ (có thể là bản quét ảnh); hãy tải lên bản DOCX, "
                "PDF xuất từ trình soạn thảo, hoặc dán văn bản."
            )
        )
    return text, split_text(text)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One clause of the summary report: its label, the comment lines, the agency's response."""

    clause: str
    comments: tuple[str, ...]
    response: str


def _label(clause_kind: str, key: str, heading: str) -> str:
    unit = Unit(key, clause_kind, "", heading, "", "", 0)
    return f"{unit.label}. {heading}".rstrip(". ") if heading else unit.label


def summary_rows(version: DraftVersion) -> tuple[SummaryRow, ...]:
    """The rows both summary formats show: every article, khoản and điểm of ``version``."""
    rows = []
    for analysis in analyse_version(version):
        clause = analysis.clause
        if clause.kind in {"preamble", "chuong", "muc"}:
            continue
        lines = [
            _("Đồng ý: %(a)d; không đồng ý: %(d)d; %(n)d góp ý.")
            % {"a": analysis.agree, "d": analysis.disagree, "n": len(analysis.comments)}
        ]
        for theme, comments in analysis.themes:
            if theme.label:
                lines.append(_("Chủ đề: %(t)s") % {"t": theme.label})
            lines.extend(f"- {c.author_name}: {c.body}" for c in comments)
        response = (
            f"{ResponseKind(clause.response_kind).label}: {clause.response_text}"
            if clause.response_kind
            else ""
        )
        rows.append(
            SummaryRow(_label(clause.kind, clause.key, clause.heading), tuple(lines), response)
        )
    return tuple(rows)


def _headings() -> tuple[str, str, str]:
    return (_("Điều khoản"), _("Ý kiến góp ý (theo chủ đề)"), _("Tiếp thu / giải trình"))


def summary_docx(consultation: Consultation, version: DraftVersion) -> bytes:
    """Every clause with its comments grouped by theme and the agency's response column."""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(_("Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý"), level=1)
    document.add_paragraph(f"{consultation.title} — {consultation.owner.name}")
    document.add_paragraph(_("Phiên bản dự thảo: %(n)d") % {"n": version.number})
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for cell, heading in zip(header, _headings(), strict=True):
        cell.text = heading
    for row in summary_rows(version):
        cells = table.add_row().cells
        cells[0].text = row.clause
        cells[1].text = "\n".join(row.comments)
        cells[2].text = row.response
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _markup(text: str) -> str:
    """Escaped, NFC text for a reportlab Paragraph, line breaks kept."""
    return escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>")


def summary_pdf(consultation: Consultation, version: DraftVersion) -> bytes:
    """The same report as :func:`summary_docx`, as an A4 PDF with an embedded Vietnamese font.

    Raises ``lantoa.core.report_font.ReportFontMissing`` when no such font is installed.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    regular, bold_font = register_report_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12)
    bold = ParagraphStyle("bold", parent=body, fontName=bold_font)
    title = ParagraphStyle("title", parent=bold, fontSize=15, leading=19, spaceAfter=6)
    buffer = io.BytesIO()
    page = landscape(A4)
    margin = 15 * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        initialFontName=regular,  # no Helvetica (without Vietnamese glyphs) in the file at all
        title=unicodedata.normalize("NFC", consultation.title),
        author=unicodedata.normalize("NFC", consultation.owner.name),
    )
    width = page[0] - 2 * margin
    data = [[Paragraph(_markup(heading), bold) for heading in _headings()]]
    for row in summary_rows(version):
        data.append(
            [
                Paragraph(_markup(row.clause), body),
                Paragraph(_markup("\n".join(row.comments)), body),
                Paragraph(_markup(row.response), body),
            ]
        )
    table = LongTable(data, colWidths=[width * 0.22, width * 0.48, width * 0.30], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),  # else cells select Helvetica
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    document.build(
        [
            Paragraph(_markup(_("Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý")), title),
            Paragraph(_markup(f"{consultation.title} — {consultation.owner.name}"), body),
            Paragraph(_markup(_("Phiên bản dự thảo: %(n)d") % {"n": version.number}), body),
            table,
        ]
    )
    return buffer.getvalue()
