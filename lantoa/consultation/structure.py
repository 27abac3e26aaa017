"""Split a Vietnamese legal draft into its structure: Chương, Mục, Điều, khoản, điểm.

Pure: text in, a flat tuple of :class:`Unit` in document order out. Each unit has a stable
``key`` built from the numbers of its ancestors (``dieu-5.khoan-1.diem-a``), which is what
comments attach to and what version carry-over (``carry.py``) compares. Article (Điều) numbers
are unique across a Vietnamese legal document, so an article's key does not include its chapter.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["KINDS", "Unit", "split_text", "units_from_paragraphs"]

KINDS = ("preamble", "chuong", "muc", "dieu", "khoan", "diem")

_CHAPTER = re.compile(r"^Chương\s+([IVXLC]+|\d+)\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
_SECTION = re.compile(r"^Mục\s+(\d+)\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
_CLAUSE = re.compile(r"^(\d+)\.\s+(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s+(.*)$")

_LABELS = {"chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "Khoản", "diem": "Điểm"}


@dataclass(frozen=True, slots=True)
class Unit:
    """One structural unit. ``text`` is its own body (without its children's text)."""

    key: str
    kind: str
    number: str
    heading: str
    text: str
    parent_key: str
    position: int

    @property
    def label(self) -> str:
        """A human reference such as "Điều 5, khoản 1, điểm a"."""
        if self.kind == "preamble":
            return "Phần mở đầu"
        parts = []
        for segment in self.key.split("."):
            kind, _, number = segment.partition("-")
            if kind in {"chuong", "muc"} and self.kind not in {"chuong", "muc"}:
                continue
            parts.append(f"{_LABELS[kind]} {number}")
        label = ", ".join(parts)
        return label[0].upper() + label[1:].replace(", Khoản", ", khoản").replace(
            ", Điểm", ", điểm"
        )


@dataclass
class _Open:
    key: str
    kind: str
    number: str
    heading: str
    lines: list[str]
    parent_key: str


class _Splitter:
    def __init__(self) -> None:
        self.units: list[_Open] = []
        self.chapter = ""
        self.section = ""
        self.article = ""
        self.clause = ""
        self.keys: set[str] = set()

    def open(self, kind: str, number: str, heading: str, parent_key: str) -> None:
        segment = f"{kind}-{number}"
        key = (
            f"{parent_key}.{segment}"
            if parent_key and kind in {"muc", "khoan", "diem"}
            else segment
        )
        while key in self.keys:  # a repeated number in a draft still gets its own key
            key += "'"
        self.keys.add(key)
        self.units.append(_Open(key, kind, number, heading.strip(), [], parent_key))

    def line(self, raw: str) -> None:
        text = unicodedata.normalize("NFC", raw).strip()
        if not text:
            return
        if match := _CHAPTER.match(text):
            self.chapter, self.section, self.article, self.clause = "", "", "", ""
            self.open("chuong", match[1].upper(), match[2], "")
            self.chapter = self.units[-1].key
        elif (match := _SECTION.match(text)) and self.chapter:
            self.section, self.article, self.clause = "", "", ""
            self.open("muc", match[1], match[2], self.chapter)
            self.section = self.units[-1].key
        elif match := _ARTICLE.match(text):
            self.clause = ""
            self.open("dieu", match[1], match[2], self.section or self.chapter)
            self.article = self.units[-1].key
        elif (match := _CLAUSE.match(text)) and self.article:
            self.open("khoan", match[1], "", self.article)
            self.units[-1].lines.append(match[2])
            self.clause = self.units[-1].key
        elif (match := _POINT.match(text)) and self.article:
            self.open("diem", match[1], "", self.clause or self.article)
            self.units[-1].lines.append(match[2])
        else:
            self.body(text)

    def body(self, text: str) -> None:
        if not self.units:
            self.units.append(_Open("preamble", "preamble", "", "", [], ""))
            self.keys.add("preamble")
        current = self.units[-1]
        # A chapter's or section's name is often on the line below "Chương I" (in capitals).
        if current.kind in {"chuong", "muc"} and not current.heading and not current.lines:
            current.heading = text
        else:
            current.lines.append(text)


def split_text(text: str) -> tuple[Unit, ...]:
    """Split pasted or extracted text (one paragraph per line) into units."""
    return units_from_paragraphs(text.splitlines())


def units_from_paragraphs(paragraphs: Iterable[str]) -> tuple[Unit, ...]:
    """Split a sequence of paragraphs (as python-docx gives them) into units."""
    splitter = _Splitter()
    for paragraph in paragraphs:
        for line in paragraph.splitlines():
            splitter.line(line)
    return tuple(
        Unit(
            key=unit.key,
            kind=unit.kind,
            number=unit.number,
            heading=unit.heading,
            text="\n".join(unit.lines),
            parent_key=unit.parent_key,
            position=position,
        )
        for position, unit in enumerate(splitter.units)
    )
