"""`lantoa plans-compliance`: the board as JSON or a report file; clear errors on bad input."""

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from lantoa.core.testing.personas import Personas
from lantoa.plans.tests.factories import make_issued_plan


def test_json_board(personas: Personas) -> None:
    make_issued_plan(organization=personas.hanoi_department, approved_on=date(2026, 2, 2))
    out = io.StringIO()

    call_command("plans_compliance", "--parent", "ha-noi", "--year", "2026", "--json", stdout=out)

    body = json.loads(out.getvalue())
    assert body["counts"] == [
        {"type": "department", "issued": 1, "total": 1, "on_time": 0, "late": 1}
    ]
    assert body["rows"][0]["organization"] == "Sở Văn hóa và Thể thao Hà Nội"
    assert body["deadline"] == "2026-01-31"


def test_docx_report_file(personas: Personas, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.docx"

    call_command(
        "plans_compliance",
        "--parent",
        "ha-noi",
        "--year",
        "2026",
        "--output",
        str(target),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    assert "0/1 sở, ngành đã ban hành kế hoạch (0 đúng hạn, 0 quá hạn)" in [
        p.text for p in docx.Document(str(target)).paragraphs
    ]


def test_unknown_parent_and_bad_suffix_are_clear_errors(personas: Personas, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Không có tổ chức"):
        call_command("plans_compliance", "--parent", "khong-co")
    with pytest.raises(CommandError, match=r"\.xlsx hoặc \.docx"):
        call_command("plans_compliance", "--parent", "ha-noi", "--output", str(tmp_path / "a.pdf"))
