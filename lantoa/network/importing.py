"""Contact import and export files (CSV, XLSX): reading tables and validating rows, no ORM.

A file is parsed into an :class:`ImportPreview`: every valid row as a :class:`ContactRow`, every
problem as a :class:`RowError` naming the line and column. Nothing is written while any error
remains (see ``actions.directory.import_contacts``).
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook

from lantoa.core.folding import fold
from lantoa.network.vocabulary import UnknownTerm, parse_beats, parse_provinces

__all__ = [
    "COLUMNS",
    "ContactRow",
    "ImportPreview",
    "RowError",
    "UnreadableFile",
    "normalize_phone",
    "parse_contact_rows",
    "read_table",
    "write_csv",
    "write_xlsx",
]

# (key, header): the header is what people see in the file; matching ignores case and accents.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("full_name", "Họ và tên"),
    ("kind", "Vai trò"),
    ("title", "Chức danh"),
    ("outlet", "Cơ quan báo chí"),
    ("beats", "Lĩnh vực"),
    ("provinces", "Địa bàn"),
    ("preferred_channel", "Kênh ưu tiên"),
    ("email", "Thư điện tử"),
    ("phone", "Điện thoại"),
    ("notes", "Ghi chú"),
    ("consent", "Đồng ý nhận tin"),
    ("is_active", "Đang hoạt động"),
)
_KINDS = {
    "nguoi phat ngon": "spokesperson",
    "nguoi duoc giao phat ngon": "deputy",
    "can bo truyen thong": "officer",
    "phong vien": "journalist",
    "nha bao": "journalist",
    "bien tap vien": "editor",
}
_CHANNELS = {
    "": "email",
    "thu dien tu": "email",
    "email": "email",
    "dien thoai": "phone",
    "ung dung nhan tin": "messaging",
    "zalo": "messaging",
}
_YES = {"co", "x", "1", "true", "yes"}
_NO = {"", "khong", "0", "false", "no"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ROWS = 20_000


class UnreadableFile(ValueError):
    """The upload is not a CSV or XLSX table Lantoa can read."""


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactRow:
    line: int
    full_name: str
    kind: str
    title: str
    outlet_id: int | None
    beats: tuple[str, ...]
    provinces: tuple[str, ...]
    preferred_channel: str
    email: str
    phone: str
    notes: str
    consent: bool
    is_active: bool


@dataclass(frozen=True, slots=True)
class ImportPreview:
    rows: tuple[ContactRow, ...]
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def _key(text: str) -> str:
    return " ".join(fold(text).lower().split())


_HEADER_KEYS = {_key(header): key for key, header in COLUMNS} | {key: key for key, _ in COLUMNS}


def normalize_phone(phone: str) -> str:
    """Digits only, with Vietnam's +84 written as a leading 0."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of the first sheet (XLSX) or the CSV file, keyed by column key; line 1 is headers."""
    if filename.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many types for a broken file
            raise UnreadableFile("Không đọc được tệp XLSX.") from error
        raw_rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    elif filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile("Tệp CSV phải được lưu bằng mã UTF-8.") from error
        raw_rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise UnreadableFile("Chỉ nhận tệp .csv hoặc .xlsx.")
    if not raw_rows:
        raise UnreadableFile("Tệp không có dòng tiêu đề.")
    if len(raw_rows) > MAX_ROWS + 1:
        raise UnreadableFile(f"Tệp có quá {MAX_ROWS} dòng.")
    keys = [_HEADER_KEYS.get(_key(header)) for header in raw_rows[0]]
    if "full_name" not in keys:
        raise UnreadableFile("Thiếu cột “Họ và tên”.")
    return [
        {key: value for key, value in zip(keys, row, strict=False) if key}
        for row in raw_rows[1:]
        if any(row)
    ]


def _flag(value: str, *, default: bool) -> bool | None:
    key = _key(value)
    if not key:
        return default
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def _header(key: str) -> str:
    return dict(COLUMNS)[key]


class _RowChecker:
    def __init__(self, line: int, raw: Mapping[str, str], outlets: Mapping[str, int]) -> None:
        self.line = line
        self.raw = raw
        self.outlets = outlets
        self.errors: list[RowError] = []

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.line, _header(key), message))

    def lookup(self, key: str, table: Mapping[str, str], default: str) -> str:
        value = self.raw.get(key, "")
        found = table.get(_key(value)) if value else default
        if found is None:
            self.fail(key, f"Giá trị không hợp lệ: “{value}”.")
        return found or default

    def terms(self, key: str, parse: object) -> tuple[str, ...]:
        try:
            return parse(self.raw.get(key, ""))  # type: ignore[operator]
        except UnknownTerm as unknown:
            self.fail(key, f"Không nhận ra “{unknown.term}”.")
            return ()

    def flag(self, key: str, *, default: bool) -> bool:
        value = _flag(self.raw.get(key, ""), default=default)
        if value is None:
            self.fail(key, "Chỉ ghi “có” hoặc “không”.")
        return default if value is None else value

    def row(self) -> ContactRow:
        full_name = self.raw.get("full_name", "")
        if not full_name:
            self.fail("full_name", "Không được để trống.")
        email = self.raw.get("email", "").lower()
        if email and not _EMAIL.match(email):
            self.fail("email", f"Địa chỉ thư không hợp lệ: “{email}”.")
        phone = normalize_phone(self.raw.get("phone", ""))
        if self.raw.get("phone") and not 9 <= len(phone) <= 11:
            self.fail("phone", f"Số điện thoại không hợp lệ: “{self.raw['phone']}”.")
        outlet_name = self.raw.get("outlet", "")
        outlet_id = self.outlets.get(_key(outlet_name)) if outlet_name else None
        if outlet_name and outlet_id is None:
            self.fail("outlet", f"Không có cơ quan báo chí “{outlet_name}” trong danh bạ.")
        return ContactRow(
            line=self.line,
            full_name=full_name,
            kind=self.lookup("kind", _KINDS, "journalist"),
            title=self.raw.get("title", ""),
            outlet_id=outlet_id,
            beats=self.terms("beats", parse_beats),
            provinces=self.terms("provinces", parse_provinces),
            preferred_channel=self.lookup("preferred_channel", _CHANNELS, "email"),
            email=email,
            phone=phone,
            notes=self.raw.get("notes", ""),
            consent=self.flag("consent", default=False),
            is_active=self.flag("is_active", default=True),
        )


def _duplicate_errors(rows: Iterable[ContactRow]) -> list[RowError]:
    seen: dict[tuple[str, str], int] = {}
    errors = []
    for row in rows:
        for key, value in (("email", row.email), ("phone", row.phone)):
            if not value:
                continue
            if (key, value) in seen:
                errors.append(
                    RowError(row.line, _header(key), f"Trùng với dòng {seen[(key, value)]}.")
                )
            else:
                seen[(key, value)] = row.line
    return errors


def parse_contact_rows(table: list[dict[str, str]], *, outlets: Mapping[str, int]) -> ImportPreview:
    """Validate every row. ``outlets`` maps an outlet's name or short name (any case/accents)
    to its organisation id. A contact needs an e-mail address or a phone number."""
    folded_outlets = {_key(name): pk for name, pk in outlets.items()}
    rows: list[ContactRow] = []
    errors: list[RowError] = []
    for index, raw in enumerate(table, start=2):
        checker = _RowChecker(index, raw, folded_outlets)
        row = checker.row()
        if not row.email and not row.phone:
            checker.fail("email", "Cần ít nhất thư điện tử hoặc số điện thoại.")
        errors.extend(checker.errors)
        if not checker.errors:
            rows.append(row)
    errors.extend(_duplicate_errors(rows))
    return ImportPreview(rows=tuple(rows), errors=tuple(sorted(errors, key=lambda e: e.line)))


def write_csv(rows: Iterable[Iterable[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for _, header in COLUMNS])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(rows: Iterable[Iterable[str]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh bạ")
    sheet.append([header for _, header in COLUMNS])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
