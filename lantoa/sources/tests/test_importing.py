"""Social-media file imports and partner pushes: idempotent, every row accounted for."""

import json
from collections.abc import Callable, Mapping, Sequence
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from lantoa.accounts.models import ApiToken
from lantoa.analysis.models import ItemAnalysis
from lantoa.content.models import Item, ItemKind
from lantoa.content.stories import reset_story_index
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.models import CountedItem
from lantoa.sources.importing import file_source_for, import_file
from lantoa.sources.models import SourceKind

ROWS: list[dict[str, object]] = [
    {
        "platform": "facebook",
        "post_id": "p1",
        "author": "Nguyễn Văn An",
        "text": "Thủ tục cấp đổi căn cước ở phường tôi nhanh hơn hẳn, cảm ơn cán bộ.",
        "time": "2026-11-20T08:30:00+07:00",
        "likes": 12,
    },
    {
        "platform": "facebook",
        "post_id": "c1",
        "parent_id": "p1",
        "author": "Trần Thị Bình",
        "text": "Ở xã tôi vẫn phải chờ cả buổi sáng.",
        "time": "20/11/2026 09:15",
    },
    {"platform": "facebook", "post_id": "bad", "text": "", "time": "32/13/2026"},
]


@pytest.fixture(autouse=True)
def fresh_story_index() -> None:
    reset_story_index()


def write_jsonl(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_importing_the_same_file_twice_stores_nothing_new(
    personas: Personas, tmp_path: Path
) -> None:
    export = write_jsonl(tmp_path / "facebook.jsonl", ROWS)
    source = file_source_for(personas.hanoi, "facebook")

    first = import_file(source, export)
    second = import_file(source, export)

    assert (first.stored, first.rejected) == (2, 1)
    assert first.samples == [
        "dòng 3: text: thiếu; time: '32/13/2026' không phải ngày hoặc ngày giờ"
    ]
    assert (second.stored, second.duplicate, second.rejected) == (0, 2, 1)
    comment = Item.objects.get(kind=ItemKind.COMMENT)
    assert comment.parent is not None and comment.parent.external_id == "facebook:p1"
    post = Item.objects.get(kind=ItemKind.POST)
    assert post.raw["engagement"] == {"likes": 12}


def test_import_command_reports_json(personas: Personas, tmp_path: Path) -> None:
    export = write_jsonl(tmp_path / "zalo.jsonl", ROWS[:1])
    out = StringIO()

    call_command(
        "import", str(export), "--platform", "facebook", "--owner", "ha-noi", "--json", stdout=out
    )

    report = json.loads(out.getvalue())
    assert (report["stored"], report["duplicate"], report["rejected"]) == (1, 0, 0)


def test_import_of_a_missing_file_is_a_clear_error(personas: Personas) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import", "/khong/co/tep.jsonl", "--owner", "ha-noi")


def _push(
    client: Client, source_id: int, payload: object, token: str
) -> tuple[int, dict[str, object]]:
    response = client.post(
        f"/api/v1/items/?source_id={source_id}",
        data=json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    return response.status_code, response.json()


def test_a_retried_push_creates_nothing_new(client: Client, personas: Personas) -> None:
    source = make_source(owner=personas.hanoi, kind=SourceKind.PUSH, url="doi-tac-a")
    token = ApiToken.issue(personas.lan, "doi-tac")[1]

    first = _push(client, source.pk, {"items": ROWS}, token)
    retry = _push(client, source.pk, {"items": ROWS}, token)

    assert first[0] == 200 and (first[1]["stored"], first[1]["rejected"]) == (2, 1)
    assert retry[0] == 200 and (retry[1]["stored"], retry[1]["duplicate"]) == (0, 2)
    assert Item.objects.filter(source=source).count() == 2


def test_malformed_push_is_refused_whole_with_a_reason(client: Client, personas: Personas) -> None:
    source = make_source(owner=personas.hanoi, kind=SourceKind.PUSH, url="doi-tac-a")
    token = ApiToken.issue(personas.lan, "doi-tac")[1]

    status, body = _push(client, source.pk, {"items": "không phải danh sách"}, token)

    assert status == 400
    assert "items" in str(body["detail"])
    assert not Item.objects.exists()


def test_push_into_another_provinces_source_is_not_found(
    client: Client, personas: Personas
) -> None:
    hue_source = make_source(owner=personas.hue, kind=SourceKind.PUSH, url="doi-tac-hue")
    token = ApiToken.issue(personas.lan, "doi-tac")[1]

    status, _ = _push(client, hue_source.pk, {"items": ROWS}, token)

    assert status == 404
    assert not Item.objects.exists()


def test_reprints_in_two_outlets_share_one_story(personas: Personas, tmp_path: Path) -> None:
    text = (
        "Ủy ban nhân dân tỉnh Thanh Hóa vừa phê duyệt kế hoạch chuyển đổi số cấp xã năm 2027, "
        "theo đó 100% thủ tục hành chính cấp xã được giải quyết trực tuyến toàn trình, "
        "người dân có thể nộp hồ sơ và nhận kết quả tại nhà."
    )
    rows_a = [{"platform": "facebook", "post_id": "a1", "text": text, "time": "2026-11-20"}]
    rows_b = [
        {
            "platform": "zalo",
            "post_id": "b1",
            "text": text + " (Theo Báo Mẫu)",
            "time": "2026-11-20",
        }
    ]
    import_file(
        file_source_for(personas.hanoi, "facebook"), write_jsonl(tmp_path / "a.jsonl", rows_a)
    )
    import_file(file_source_for(personas.hanoi, "zalo"), write_jsonl(tmp_path / "b.jsonl", rows_b))

    stories = set(Item.objects.values_list("story_id", flat=True))

    assert len(stories) == 1
    assert Item.objects.first().story.item_count == 2  # type: ignore[union-attr]


def test_ingested_items_are_analysed_and_indexed_after_commit(
    personas: Personas, tmp_path: Path, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    export = write_jsonl(tmp_path / "facebook.jsonl", ROWS[:2])

    with django_capture_on_commit_callbacks(execute=True):
        import_file(file_source_for(personas.hanoi, "facebook"), export)

    analyses = ItemAnalysis.objects.order_by("item_id")
    assert analyses.count() == 2
    assert all(a.sentiment in {"negative", "neutral", "positive"} for a in analyses)
    assert all(a.model_versions.get("sentiment") for a in analyses)
    assert CountedItem.objects.count() == 2
