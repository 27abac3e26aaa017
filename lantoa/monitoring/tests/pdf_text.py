"""Read the text back from a reportlab PDF (no PDF library is installed): tests only.

Handles what reportlab writes: numbered objects, streams filtered by ASCII85Decode and/or
FlateDecode, one font resource dictionary, subset TrueType fonts with a ToUnicode CMap (bfchar
and bfrange), and text shown with ``(…) Tj`` or ``[…] TJ`` after ``/Name size Tf``. Lines are
separated where reportlab starts a new text object or moves the text position.
"""

from __future__ import annotations

import base64
import re
import zlib

__all__ = ["embedded_font_names", "pdf_text"]

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"/Length (\d+).*?stream\r?\n", re.DOTALL)
_TOKENS = re.compile(
    rb"/([^\s/\[\]()<>]+)\s+[\d.]+\s+Tf|\((?:\\.|[^\\)])*\)|\bT[dDm]\b|\bT\*|\bET\b"
)


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(match[1]): match[2] for match in _OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    data = body[match.end() : match.end() + int(match[1])]
    head = body[: match.end()]
    if b"ASCII85Decode" in head:
        ascii85 = data.strip().removeprefix(b"<~").removesuffix(b"~>")
        data = base64.a85decode(b"<~" + ascii85 + b"~>", adobe=True)
    if b"FlateDecode" in head:
        data = zlib.decompress(data)
    return data


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    pair = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for code, uni in re.findall(pair, section):
            mapping[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for low, high, uni in re.findall(pair + rb"\s*<([0-9A-Fa-f]+)>", section):
            start = int(uni, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _fonts(objects: dict[int, bytes]) -> dict[str, dict[int, str] | None]:
    """Resource name → code-to-text map (None for simple fonts: bytes are Latin-1)."""
    fonts: dict[str, dict[int, str] | None] = {}
    for body in objects.values():
        name = re.search(rb"/Name /(\S+)", body)
        if name is None or b"/Type /Font" not in body:
            continue
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", body)
        fonts[name[1].decode()] = (
            _cmap(_stream(objects[int(to_unicode[1])])) if to_unicode else None
        )
    return fonts


def _literal(token: bytes) -> bytes:
    inner = token[1:-1]
    out = bytearray()
    index = 0
    while index < len(inner):
        char = inner[index]
        if char == 0x5C:  # backslash
            nxt = inner[index + 1 : index + 4]
            octal = re.match(rb"[0-7]{1,3}", nxt)
            if octal:
                out.append(int(octal[0], 8))
                index += 1 + len(octal[0])
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nxt[:1], nxt[:1])
            index += 2
            continue
        out.append(char)
        index += 1
    return bytes(out)


def pdf_text(pdf: bytes) -> str:
    """All text the pages show, in drawing order, one line per text position."""
    objects = _objects(pdf)
    fonts = _fonts(objects)
    contents = [
        int(ref)
        for body in objects.values()
        if b"/Type /Page\n" in body or b"/Type /Page " in body
        for ref in re.findall(rb"/Contents (\d+) 0 R", body)
    ]
    lines: list[str] = []
    current: list[str] = []
    mapping: dict[int, str] | None = None
    for ref in contents:
        for token in _TOKENS.finditer(_stream(objects[ref])):
            if token[1] is not None:
                mapping = fonts.get(token[1].decode())
            elif token[0].startswith(b"("):
                raw = _literal(token[0])
                current.append(
                    raw.decode("latin-1")
                    if mapping is None
                    else "".join(mapping.get(code, "\ufffd") for code in raw)
                )
            elif current:
                lines.append("".join(current))
                current = []
    if current:
        lines.append("".join(current))
    return "\n".join(lines)


def embedded_font_names(pdf: bytes) -> set[str]:
    """Base names of the TrueType fonts embedded (subset prefix removed)."""
    return {
        name.decode().split("+", 1)[-1]
        for name in re.findall(rb"/FontName /(\S+)", pdf)
        if b"FontFile2" in pdf
    }
