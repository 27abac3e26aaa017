"""`lantoa sources …` and `lantoa poll`: the operator's contract, including --json shapes."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_httpserver import HTTPServer

from lantoa.accounts.setup import load_reference_data
from lantoa.content.models import Item
from lantoa.sources.models import Source, SourceStatus


@pytest.fixture
def reference(db: None) -> None:
    load_reference_data()


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_sources_add_then_list_as_json(reference: None) -> None:
    added = json.loads(
        run(
            "sources",
            "add",
            "--kind",
            "rss",
            "--url",
            "https://bao.lantoa.invalid/rss?utm_source=x",
            "--name",
            "Báo thử",
            "--interval",
            "15",
            "--json",
        )
    )
    listed = json.loads(run("sources", "list", "--json"))

    assert added["url"] == "https://bao.lantoa.invalid/rss"
    assert added["interval_minutes"] == 15
    assert [s["name"] for s in listed] == ["Báo thử"]
    assert set(listed[0]) >= {"id", "kind", "url", "status", "last_error", "items_stored"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "rss", "--url", "ftp://bao/rss"], "Địa chỉ không hợp lệ"),
        (
            ["--kind", "rss", "--url", "https://a.invalid/rss", "--interval", "1"],
            "tối thiểu là 5 phút",
        ),
        (
            ["--kind", "site", "--url", "https://a.invalid/", "--pattern", "(["],
            "Mẫu URL không hợp lệ",
        ),
        (
            ["--kind", "rss", "--url", "https://a.invalid/rss", "--owner", "khong-co"],
            "Không có đơn vị",
        ),
    ],
)
def test_bad_source_input_is_a_clear_error(reference: None, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run("sources", "add", *args)
    assert not Source.objects.exists()


def test_adding_the_same_source_twice_is_refused(reference: None) -> None:
    run("sources", "add", "--kind", "rss", "--url", "https://a.invalid/rss")

    with pytest.raises(CommandError, match="đã có nguồn này"):
        run("sources", "add", "--kind", "rss", "--url", "https://a.invalid/rss/")


def test_poll_once_reads_a_new_source_at_once_and_reports_json(
    reference: None, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/rss.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        content_type="application/rss+xml",
    )
    run("sources", "add", "--kind", "rss", "--url", httpserver.url_for("/rss.xml"))

    lines = run("poll", "--once", "--json").splitlines()

    assert [json.loads(line)["outcome"] for line in lines] == ["ok"]
    assert Item.objects.count() == 0


def test_poll_without_json_says_the_outcome_in_words(
    reference: None, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/rss.xml").respond_with_data("lỗi", status=404)
    source_id = json.loads(
        run("sources", "add", "--kind", "rss", "--url", httpserver.url_for("/rss.xml"), "--json")
    )["id"]

    output = run("poll", "--once")

    assert output.startswith(f"#{source_id} Không tải được: lưu 0, trùng 0, loại 0, lỗi 0. ")


def test_pause_and_resume(reference: None) -> None:
    source_id = json.loads(
        run("sources", "add", "--kind", "url", "--url", "https://a.invalid/bai", "--json")
    )["id"]

    run("sources", "pause", str(source_id))
    assert Source.objects.get(pk=source_id).status == SourceStatus.PAUSED
    run("sources", "resume", str(source_id))
    assert Source.objects.get(pk=source_id).status == SourceStatus.ACTIVE
    with pytest.raises(CommandError, match="Không có nguồn #999"):
        run("sources", "pause", "999")
