"""The search, topics and index-items commands."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.models import ItemTopic, Topic

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_index_items_then_search_and_add_a_topic(personas: Personas) -> None:
    # Given two stored items nobody has indexed yet
    source = make_source(owner=personas.hanoi, is_shared=True)
    hit = make_item(source=source, title="Đường sắt tốc độ cao Bắc Nam")
    make_item(source=source, title="Giá điện tăng")

    assert json.loads(run("index_items", "--json"))["items"] == 2
    found = json.loads(run("search", "duong sat", "--json"))
    assert found["count"] == 1 and found["items"][0]["id"] == hit.pk

    added = json.loads(
        run(
            "topics",
            "add",
            "--name",
            "Đường sắt",
            "--query",
            "đường sắt",
            "--owner",
            "ha-noi",
            "--json",
        )
    )
    assert added["items"] == 1
    assert ItemTopic.objects.get().item == hit
    listed = json.loads(run("topics", "list", "--json"))
    assert [(t["name"], t["owner"], t["items"]) for t in listed] == [("Đường sắt", "ha-noi", 1)]


def test_bad_input_is_a_clear_vietnamese_error(personas: Personas) -> None:
    with pytest.raises(CommandError, match="Thiếu dấu ngoặc đóng"):
        run("search", "(abc")
    with pytest.raises(CommandError, match="Không có đơn vị mã 'khong-co'"):
        run("topics", "add", "--name", "X", "--query", "abc", "--owner", "khong-co")
    assert Topic.objects.count() == 0
