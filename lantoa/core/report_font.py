"""The TrueType font the PDF report is drawn with: one that has every Vietnamese glyph.

reportlab's own fonts (Helvetica, the bundled Vera) lack letters such as ệ, ữ, ở, so the report
embeds a TTF found at run time, first match wins:

1. the file named by the ``LANTOA_REPORT_FONT`` environment variable;
2. ``DejaVuSans.ttf`` shipped inside the matplotlib wheel (a dependency for exactly this);
3. DejaVu Sans or Noto Sans in the usual system font folders (Debian/Ubuntu ``fonts-dejavu-core``,
   Fedora, Alpine, macOS), then ``fc-match``.

A candidate is accepted only if it has a glyph for every letter of the Vietnamese alphabet with
every tone mark; otherwise :class:`ReportFontMissing` says, in Vietnamese, what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib

__all__ = ["VIETNAMESE_LETTERS", "ReportFont", "ReportFontMissing", "find_report_font"]

_BASES = "aăâeêioôơuưy"
_TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VIETNAMESE_LETTERS = "".join(sorted(set(_BASES + _BASES.upper() + _TONED + _TONED.upper() + "đĐ")))

_SYSTEM_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/noto",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
)
_NAMES = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"))


class ReportFontMissing(RuntimeError):
    """No usable font with Vietnamese glyphs was found."""


@dataclass(frozen=True, slots=True)
class ReportFont:
    regular: Path
    bold: Path | None


def _covers_vietnamese(path: Path) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        face = TTFontFile(str(path))
    except Exception:
        return False
    return all(ord(letter) in face.charToGlyph for letter in VIETNAMESE_LETTERS)


def _candidates() -> list[ReportFont]:
    found: list[ReportFont] = []
    configured = os.environ.get("LANTOA_REPORT_FONT", "").strip()
    if configured:
        path = Path(configured)
        bold = path.with_name(path.stem + "-Bold" + path.suffix)
        found.append(ReportFont(path, bold if bold.is_file() else None))
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    found.append(ReportFont(folder / _NAMES[0][0], folder / _NAMES[0][1]))
    for directory in _SYSTEM_DIRS:
        for regular_name, bold_name in _NAMES:
            found.append(ReportFont(Path(directory) / regular_name, Path(directory) / bold_name))
    matched = _fc_match()
    if matched is not None:
        found.append(ReportFont(matched, None))
    return found


def _fc_match() -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    result = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans:lang=vi"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    )
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout else None


@lru_cache(maxsize=1)
def find_report_font() -> ReportFont:
    """The first candidate that exists and covers Vietnamese; raises :class:`ReportFontMissing`."""
    configured = os.environ.get("LANTOA_REPORT_FONT", "").strip()
    for candidate in _candidates():
        if candidate.regular.is_file() and _covers_vietnamese(candidate.regular):
            bold = candidate.bold
            if bold is not None and not (bold.is_file() and _covers_vietnamese(bold)):
                bold = None
            return ReportFont(candidate.regular, bold)
    hint = (
        f"Tệp LANTOA_REPORT_FONT={configured} không tồn tại hoặc thiếu chữ tiếng Việt. "
        if configured
        else ""
    )
    raise ReportFontMissing(
        hint + "Không tìm thấy phông chữ TrueType có đủ chữ tiếng Việt để xuất báo cáo PDF. "
        "Hãy cài gói fonts-dejavu-core (apt-get install fonts-dejavu-core) hoặc đặt biến môi "
        "trường LANTOA_REPORT_FONT trỏ tới một tệp .ttf có chữ tiếng Việt (ví dụ DejaVuSans.ttf)."
    )
