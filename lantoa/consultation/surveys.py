"""Survey logic without the database: which questions show, cleaning answers, results, exports.

A question is described by a :class:`QuestionSpec`; a response is a mapping from the question id
(as a string, the way it is stored in JSON) to its answer:

* ``single``: the chosen option (str); ``multiple``: a list of options;
* ``scale``: an int within ``scale_min..scale_max``;
* ``ranking``: every option once, best first (list of str);
* ``matrix``: a mapping row → chosen column option;
* ``text``: free text.

A conditional question (``show_if = (question_id, value)``) is shown only when the answer to that
question equals ``value`` (or, for a multiple-choice question, contains it). Answers to hidden
questions are dropped, never stored.
"""

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

__all__ = [
    "KINDS",
    "QuestionResult",
    "QuestionSpec",
    "clean_answers",
    "csv_bytes",
    "export_rows",
    "is_shown",
    "results",
]

KINDS = ("single", "multiple", "scale", "ranking", "matrix", "text")
TEXT_LIMIT = 5000


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    id: int
    kind: str
    text: str
    options: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    scale_min: int = 1
    scale_max: int = 5
    required: bool = False
    show_if: tuple[int, str] | None = None


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """``counts`` per option (single, multiple), per value (scale) or per row (matrix, as a
    mapping of column → count); ``mean`` for scale; ``mean_rank`` per option for ranking
    (1 = best); ``texts`` for free text. ``answered`` counts the responses with an answer."""

    question: QuestionSpec
    answered: int
    counts: tuple[tuple[str, int], ...] = ()
    matrix: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    mean: float | None = None
    mean_rank: tuple[tuple[str, float], ...] = ()
    texts: tuple[str, ...] = field(default=())


def _matches(answer: Any, value: str) -> bool:
    if isinstance(answer, list):
        return value in answer
    return answer is not None and str(answer) == value


def is_shown(question: QuestionSpec, answers: Mapping[str, Any]) -> bool:
    """Whether ``question`` applies given the other answers (conditional questions)."""
    if question.show_if is None:
        return True
    source, value = question.show_if
    return _matches(answers.get(str(source)), value)


def _clean_one(question: QuestionSpec, raw: Any) -> Any:
    """The cleaned answer, None when empty; ValueError when invalid."""
    kind = question.kind
    if kind == "single":
        if raw in (None, ""):
            return None
        if raw not in question.options:
            raise ValueError(_("Lựa chọn không hợp lệ."))
        return raw
    if kind == "multiple":
        chosen = [o for o in question.options if o in set(raw or [])]
        if len(chosen) != len(set(raw or [])):
            raise ValueError(_("Lựa chọn không hợp lệ."))
        return chosen or None
    if kind == "scale":
        if raw in (None, ""):
            return None
        value = int(raw)
        if not question.scale_min <= value <= question.scale_max:
            raise ValueError(_("Giá trị thang điểm nằm ngoài khoảng cho phép."))
        return value
    if kind == "ranking":
        if not raw:
            return None
        if sorted(raw) != sorted(question.options):
            raise ValueError(_("Cần xếp hạng mỗi lựa chọn đúng một lần."))
        return list(raw)
    if kind == "matrix":
        picked = {row: col for row, col in dict(raw or {}).items() if col}
        if any(
            row not in question.rows or col not in question.options for row, col in picked.items()
        ):
            raise ValueError(_("Lựa chọn không hợp lệ."))
        if question.required and picked and len(picked) < len(question.rows):
            raise ValueError(_("Cần trả lời mọi dòng của câu hỏi dạng bảng."))
        return picked or None
    text = str(raw or "").strip()
    if len(text) > TEXT_LIMIT:
        raise ValueError(_("Câu trả lời tối đa 5.000 ký tự."))
    return text or None


def clean_answers(questions: Sequence[QuestionSpec], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Validated answers in question order; hidden questions' answers are dropped.

    Raises ValueError naming the question when an answer is invalid or a shown required
    question is unanswered.
    """
    cleaned: dict[str, Any] = {}
    for question in questions:
        if not is_shown(question, cleaned):
            continue
        try:
            value = _clean_one(question, raw.get(str(question.id)))
        except (TypeError, ValueError) as error:
            raise ValueError(f"{question.text}: {error}") from None
        if value is None:
            if question.required:
                raise ValueError(_("Cần trả lời câu hỏi: %(q)s") % {"q": question.text})
            continue
        cleaned[str(question.id)] = value
    return cleaned


def _result(question: QuestionSpec, answers: list[Any]) -> QuestionResult:
    kind, n = question.kind, len(answers)
    if kind in ("single", "multiple"):
        tally: Counter[str] = Counter()
        for answer in answers:
            tally.update(answer if isinstance(answer, list) else [answer])
        return QuestionResult(question, n, counts=tuple((o, tally[o]) for o in question.options))
    if kind == "scale":
        values = Counter(int(a) for a in answers)
        scale = range(question.scale_min, question.scale_max + 1)
        mean = round(sum(int(a) for a in answers) / n, 2) if n else None
        return QuestionResult(
            question, n, counts=tuple((str(v), values[v]) for v in scale), mean=mean
        )
    if kind == "ranking":
        ranks = {o: [a.index(o) + 1 for a in answers if o in a] for o in question.options}
        means = tuple((o, round(sum(r) / len(r), 2) if r else 0.0) for o, r in ranks.items())
        return QuestionResult(question, n, mean_rank=tuple(sorted(means, key=lambda m: m[1])))
    if kind == "matrix":
        rows = tuple(
            (
                row,
                tuple(
                    (col, sum(1 for a in answers if a.get(row) == col)) for col in question.options
                ),
            )
            for row in question.rows
        )
        return QuestionResult(question, n, matrix=rows)
    return QuestionResult(question, n, texts=tuple(str(a) for a in answers))


def results(
    questions: Sequence[QuestionSpec], responses: Iterable[Mapping[str, Any]]
) -> list[QuestionResult]:
    """Per question, the aggregate of every response that answered it."""
    answered: dict[int, list[Any]] = {q.id: [] for q in questions}
    for response in responses:
        for question in questions:
            if str(question.id) in response:
                answered[question.id].append(response[str(question.id)])
    return [_result(q, answered[q.id]) for q in questions]


def _cell(question: QuestionSpec, answer: Any) -> str:
    if answer is None:
        return ""
    if question.kind == "multiple":
        return "; ".join(answer)
    if question.kind == "ranking":
        return " > ".join(answer)
    if question.kind == "matrix":
        return "; ".join(f"{row}: {col}" for row, col in answer.items())
    return str(answer)


def _safe(cell: str) -> str:
    """Free text cannot become a spreadsheet formula (CSV/XLSX injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def export_rows(
    questions: Sequence[QuestionSpec], responses: Iterable[tuple[str, Mapping[str, Any]]]
) -> list[list[str]]:
    """A header and one row per (submitted-at, answers) response, one column per question."""
    header = [_("Thời điểm gửi")] + [q.text for q in questions]
    body = [
        [when] + [_safe(_cell(q, answers.get(str(q.id)))) for q in questions]
        for when, answers in responses
    ]
    return [header, *body]


def csv_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese correctly."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
