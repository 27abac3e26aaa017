"""Consultation: opinion groups on planted data, and the structure split of a long draft.

*Opinion groups*: 2,000 participants × 100 statements with three planted groups (members follow
their group's stance 80 % of the time, pass 10 %, leave 40 % unseen; five consensus statements),
``planted_votes`` from the tests. Reported: adjusted Rand index against the planted groups, the
k chosen, seconds per run, and whether two runs give identical reports.

*Structure split*: a generated draft of 40 chapters × 10 articles × 5 clauses × 3 points
(about 8,000 units) split from pasted text and from a DOCX file.
"""

import io
import statistics
import time

from docx import Document
from sklearn.metrics import adjusted_rand_score

from bench.report import write_section
from lantoa.consultation.documents import read_docx
from lantoa.consultation.opinion import opinion_groups
from lantoa.consultation.structure import split_text
from lantoa.consultation.tests.factories import planted_votes

RUNS = 3


def _long_draft(chapters: int = 40, articles: int = 10, clauses: int = 5, points: int = 3) -> str:
    lines, number = ["NGHỊ ĐỊNH", "Quy định chi tiết một số điều của Luật thử nghiệm"], 0
    for c in range(1, chapters + 1):
        lines += [f"Chương {c}", f"NỘI DUNG CHƯƠNG {c}"]
        for _a in range(articles):
            number += 1
            lines.append(f"Điều {number}. Quy định số {number} về quản lý dịch vụ công")
            for k in range(1, clauses + 1):
                lines.append(f"{k}. Cơ quan có thẩm quyền thực hiện nhiệm vụ thứ {k}, gồm:")
                lines += [f"{'abc'[p]}) Nội dung chi tiết điểm {'abc'[p]};" for p in range(points)]
    return "\n".join(lines)


def _docx(text: str) -> bytes:
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _opinion() -> list[str]:
    votes, truth = planted_votes()
    seconds, reports = [], []
    for _run in range(RUNS):
        started = time.perf_counter()
        reports.append(opinion_groups(votes))
        seconds.append(time.perf_counter() - started)
    first = reports[0]
    return [
        "| participants × statements | planted groups | k found | ARI | seconds (median of 3) | identical across runs |",
        "|---|---|---|---|---|---|",
        f"| 2,000 × 100 | 3 | {first.k} | {adjusted_rand_score(truth, first.labels):.4f} "
        f"| {statistics.median(seconds):.2f} | {all(r == first for r in reports)} |",
    ]


def _structure() -> list[str]:
    text = _long_draft()
    started = time.perf_counter()
    units = split_text(text)
    split_seconds = time.perf_counter() - started
    payload = _docx(text)
    started = time.perf_counter()
    _text, docx_units = read_docx(io.BytesIO(payload))
    docx_seconds = time.perf_counter() - started
    assert len(docx_units) == len(units)
    return [
        "| draft | lines | units | split pasted text (s) | read + split DOCX (s) |",
        "|---|---|---|---|---|",
        f"| 40 chương × 10 điều × 5 khoản × 3 điểm | {len(text.splitlines()):,} | {len(units):,} "
        f"| {split_seconds:.3f} | {docx_seconds:.3f} |",
    ]


def main() -> None:
    body = "\n".join(
        [
            "### Opinion groups (planted)",
            "",
            *_opinion(),
            "",
            "### Structure split",
            "",
            *_structure(),
        ]
    )
    write_section("consultation", "Consultation: opinion groups and draft structure", body)
