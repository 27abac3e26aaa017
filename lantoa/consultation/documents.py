"""Drafts in (DOCX or pasted text) and the summary report out (DOCX).

PDF drafts are not read: no PDF text library is installed in this environment.
"""

import io
from typing import IO

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from lantoa.consultation.models import Consultation, DraftVersion, ResponseKind
from lantoa.consultation.queries import analyse_version
from lantoa.consultation.structure import Unit, units_from_paragraphs

__all__ = ["read_docx", "summary_docx"]


def read_docx(stream: IO[bytes]) -> tuple[str, tuple[Unit, ...]]:
    """The text of a DOCX draft (one paragraph per line) and its units."""
    try:
        document = Document(stream)
    except Exception as error:  # python-docx raises several kinds on a non-DOCX file
        raise ValueError(_("Không đọc được tệp DOCX: %(e)s") % {"e": error}) from None
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    return "\n".join(paragraphs), units_from_paragraphs(paragraphs)


def _label(clause_kind: str, key: str, heading: str) -> str:
    unit = Unit(key, clause_kind, "", heading, "", "", 0)
    return f"{unit.label}. {heading}".rstrip(". ") if heading else unit.label


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
    header[0].text = _("Điều khoản")
    header[1].text = _("Ý kiến góp ý (theo chủ đề)")
    header[2].text = _("Tiếp thu / giải trình")
    for analysis in analyse_version(version):
        clause = analysis.clause
        if clause.kind in {"preamble", "chuong", "muc"}:
            continue
        cells = table.add_row().cells
        cells[0].text = _label(clause.kind, clause.key, clause.heading)
        lines = [
            _("Đồng ý: %(a)d; không đồng ý: %(d)d; %(n)d góp ý.")
            % {"a": analysis.agree, "d": analysis.disagree, "n": len(analysis.comments)}
        ]
        for theme, comments in analysis.themes:
            if theme.label:
                lines.append(_("Chủ đề: %(t)s") % {"t": theme.label})
            lines.extend(f"- {c.author_name}: {c.body}" for c in comments)
        cells[1].text = "\n".join(lines)
        if clause.response_kind:
            cells[2].text = f"{ResponseKind(clause.response_kind).label}: {clause.response_text}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
