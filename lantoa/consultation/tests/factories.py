"""Factories for consultation tests: a DOCX or PDF draft, a verified participant, a consultation."""

import io
from datetime import timedelta

import numpy as np
from django.utils import timezone
from docx import Document
from numpy.typing import NDArray

from lantoa.accounts.models import Organization, User
from lantoa.consultation import actions
from lantoa.consultation.models import Consultation, Participant
from lantoa.consultation.structure import split_text


def docx_bytes(text: str) -> bytes:
    """A DOCX with one paragraph per line; chapter and article lines as headings, like real drafts."""
    document = Document()
    for line in text.splitlines():
        if line.startswith(("Chương ", "Điều ")):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str, *, column_mm: float = 170.0, font_size: float = 11.0) -> bytes:
    """A PDF whose text layer is ``text``, one reportlab paragraph per line, set in the report
    font (real Vietnamese glyphs) in an A4 column ``column_mm`` wide, so long lines wrap as on
    paper; every page carries a "Trang N" footer, as printed drafts do."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from lantoa.core.report_font import find_report_font

    if "LantoaTestDraft" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LantoaTestDraft", str(find_report_font().regular)))
    style = ParagraphStyle("draft", fontName="LantoaTestDraft", fontSize=font_size)
    style.leading = font_size * 1.3
    margin = (A4[0] - column_mm * mm) / 2

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.setFont("LantoaTestDraft", 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Trang {document.page}")

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin)
    document.build(
        [Paragraph(line, style) for line in text.splitlines() if line.strip()],
        onFirstPage=footer,
        onLaterPages=footer,
    )
    return buffer.getvalue()


def make_participant(
    email: str = "dan@example.vn", name: str = "Nguyễn Văn Dân", org: str = ""
) -> Participant:
    return Participant.objects.create(
        email=email, display_name=name, organization_name=org, verified_at=timezone.now()
    )


def make_consultation(user: User, owner: Organization, text: str) -> Consultation:
    now = timezone.now()
    consultation = actions.create_consultation(
        user,
        owner,
        title="Dự thảo Nghị định về xe đạp điện công cộng",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=30),
    )
    actions.add_version(user, consultation, split_text(text), text=text)
    return consultation


def planted_votes(
    participants: int = 2000, statements: int = 100, groups: int = 3, seed: int = 7
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Each group has a stance per statement; members follow it 80 % of the time, see 60 %."""
    rng = np.random.default_rng(seed)
    stances = rng.choice([-1.0, 1.0], size=(groups, statements))
    stances[:, :5] = 1.0  # five statements everybody agrees with: the consensus
    truth = rng.integers(0, groups, size=participants)
    follow = rng.random((participants, statements)) < 0.8
    votes = np.where(follow, stances[truth], -stances[truth])
    passes = rng.random((participants, statements)) < 0.1
    votes = np.where(passes, 0.0, votes)
    unseen = rng.random((participants, statements)) < 0.4
    return np.where(unseen, np.nan, votes), truth
