"""Fixed vocabularies of the directory: journalists' beats and the provinces they cover.

Both are stored as tag strings ("|y-te|giao-duc|") so that "health-beat journalists covering
Hà Nội" is a plain ``icontains`` on SQLite and PostgreSQL alike. Parsing accepts the label with
or without diacritics, the slug, or (for provinces) a former province name.
"""

from dataclasses import dataclass

from lantoa.core.folding import fold
from lantoa.core.reference import PROVINCES, current_province

__all__ = [
    "BEATS",
    "PROVINCE_NAMES",
    "UnknownTerm",
    "beat_label",
    "from_tags",
    "parse_beats",
    "parse_provinces",
    "province_name",
    "to_tags",
]

BEATS: dict[str, str] = {
    "y-te": "Y tế",
    "giao-duc": "Giáo dục",
    "kinh-te": "Kinh tế",
    "tai-chinh": "Tài chính, ngân hàng",
    "nong-nghiep": "Nông nghiệp, môi trường",
    "giao-thong": "Giao thông, xây dựng",
    "van-hoa": "Văn hóa, thể thao, du lịch",
    "khoa-hoc": "Khoa học, công nghệ, chuyển đổi số",
    "phap-luat": "Pháp luật, an ninh trật tự",
    "xa-hoi": "Lao động, xã hội",
    "noi-vu": "Nội vụ, cải cách hành chính",
    "doi-ngoai": "Đối ngoại, quốc phòng",
}
PROVINCE_NAMES: dict[str, str] = {province.code: province.name for province in PROVINCES}

_SEPARATORS = (";", ",", "\n")


@dataclass(frozen=True, slots=True)
class UnknownTerm(ValueError):
    term: str


def _key(text: str) -> str:
    return " ".join(fold(text).lower().replace("-", " ").split())


_BEAT_KEYS = {_key(label): slug for slug, label in BEATS.items()} | {
    _key(slug): slug for slug in BEATS
}
_PROVINCE_KEYS = {_key(name): code for code, name in PROVINCE_NAMES.items()} | {
    _key(code): code for code in PROVINCE_NAMES
}


def _split(text: str) -> list[str]:
    for separator in _SEPARATORS[1:]:
        text = text.replace(separator, _SEPARATORS[0])
    return [part.strip() for part in text.split(_SEPARATORS[0]) if part.strip()]


def parse_beats(text: str) -> tuple[str, ...]:
    """Beat slugs named in ``text`` (separated by ; or ,); raises :class:`UnknownTerm`."""
    slugs: list[str] = []
    for term in _split(text):
        slug = _BEAT_KEYS.get(_key(term))
        if slug is None:
            raise UnknownTerm(term)
        if slug not in slugs:
            slugs.append(slug)
    return tuple(slugs)


def _province_code(term: str) -> str | None:
    code = _PROVINCE_KEYS.get(_key(term))
    if code is None and (current := current_province(term)) is not None:
        code = _PROVINCE_KEYS.get(_key(current))
    if code is None:
        for prefix in ("thanh pho ", "tinh ", "tp. ", "tp "):
            if _key(term).startswith(prefix):
                code = _PROVINCE_KEYS.get(_key(term)[len(prefix) :])
    return code


def parse_provinces(text: str) -> tuple[str, ...]:
    """Province codes for the names in ``text``; former (pre-2025) names map to today's unit."""
    codes: list[str] = []
    for term in _split(text):
        code = _province_code(term)
        if code is None:
            raise UnknownTerm(term)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def to_tags(values: tuple[str, ...] | list[str]) -> str:
    return f"|{'|'.join(values)}|" if values else ""


def from_tags(tags: str) -> tuple[str, ...]:
    return tuple(value for value in tags.split("|") if value)


def beat_label(slug: str) -> str:
    return BEATS.get(slug, slug)


def province_name(code: str) -> str:
    return PROVINCE_NAMES.get(code, code)
