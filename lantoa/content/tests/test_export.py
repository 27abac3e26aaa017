"""`lantoa items export`: the documented keys, in both formats, with dates in Vietnam's time zone."""

import csv
import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lantoa.core.testing.factories import make_item, make_organization, make_source

KEYS = {
    "id",
    "url",
    "canonical_url",
    "title",
    "published",
    "fetched",
    "text",
    "language",
    "source_id",
    "story_id",
    "kind",
    "author",
    "parent_id",
}


@pytest.mark.django_db
def test_jsonl_export_has_one_object_per_item_with_the_documented_keys() -> None:
    source = make_source(owner=make_organization())
    timed = make_item(source=source, published_at=datetime(2026, 11, 20, 1, 30, tzinfo=UTC))
    dated = make_item(
        source=source,
        published_at=datetime(2026, 11, 19, 17, 0, tzinfo=UTC),
        published_date_only=True,
    )
    out = StringIO()

    call_command("items", "export", "--format", "jsonl", stdout=out)

    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == [timed.pk, dated.pk]
    assert set(records[0]) == KEYS
    assert records[0]["published"] == "2026-11-20T08:30:00+07:00"
    assert records[1]["published"] == "2026-11-20"


@pytest.mark.django_db
def test_csv_export_to_a_file_keeps_vietnamese_text(tmp_path: Path) -> None:
    make_item(source=make_source(owner=make_organization()), title="Chuyển đổi số cấp xã")
    target = tmp_path / "tin-bai.csv"

    call_command("items", "export", "--format", "csv", "--output", str(target), stderr=StringIO())

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert set(rows[0]) == KEYS
    assert rows[0]["title"] == "Chuyển đổi số cấp xã"


@pytest.mark.django_db
def test_export_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Thư mục không tồn tại"):
        call_command("items", "export", "--output", str(tmp_path / "khong-co" / "x.jsonl"))
