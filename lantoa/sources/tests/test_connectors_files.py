"""The file and push connectors (social schema), and the registry's promise."""

import datetime as dt
import json
from collections import Counter

import pytest

from lantoa.sources.connectors import (
    Engagement,
    Entry,
    HarvestOutcome,
    Rejection,
    RejectionReason,
    SourceSpec,
    connector_kinds,
    get_connector,
)
from lantoa.sources.connectors.social_schema import VIETNAM_TZ
from lantoa.sources.fetching import Fetcher

POST = {
    "platform": "facebook",
    "post_id": "1001",
    "author": "Báo Tỉnh",
    "text": "UBND tỉnh thông báo lịch tiếp công dân tháng 12.",
    "time": "2026-11-20T08:30:00+07:00",
    "url": "https://facebook.com/baotinh/posts/1001?fbclid=abc",
    "likes": 120,
    "shares": "1.234",
    "comments": 9,
    "reach": 5000,
}
COMMENT = {
    "platform": "facebook",
    "post_id": "1001_7",
    "parent_id": "1001",
    "author": "Nguyễn Văn A",
    "text": "Xin hỏi lịch tiếp có vào thứ bảy không?",
    "time": "20/11/2026 09:02",
}


def harvest_file(path, **options):
    spec = SourceSpec(kind="file", url=str(path), options=options)
    return get_connector("file").harvest(spec, fetcher=Fetcher())


def read_file(path, **options):
    harvest = harvest_file(path, **options)
    return harvest.status, list(harvest.records)


def test_jsonl_posts_and_comments_become_entries(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (POST, COMMENT)) + "\n\n",
        encoding="utf-8",
    )

    status, [post, comment] = read_file(path)

    assert (status.outcome, status.message) == (
        HarvestOutcome.OK,
        "Đọc tệp export.jsonl dạng JSONL (bảng mã utf-8)",
    )
    assert isinstance(post, Entry) and isinstance(comment, Entry)
    assert (post.platform, post.platform_id, post.parent_id) == ("facebook", "1001", None)
    assert post.url == "https://facebook.com/baotinh/posts/1001"
    assert post.published == dt.datetime(
        2026, 11, 20, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert post.engagement == Engagement(likes=120, shares=1234, comments=9)
    assert post.metadata == {"reach": 5000}
    assert (comment.parent_id, comment.published) == (
        "1001",
        dt.datetime(2026, 11, 20, 9, 2, tzinfo=VIETNAM_TZ),
    )
    assert comment.language == "vi"


def test_invalid_rows_are_rejected_with_line_and_every_problem(tmp_path):
    bad = {
        "platform": "Face Book!",
        "post_id": "",
        "text": "có nội dung",
        "time": "32/13/2026",
        "likes": -3,
    }
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps(POST) + "\n" + json.dumps(bad) + "\n{không phải json\n[1, 2]\n", encoding="utf-8"
    )

    _, records = read_file(path)

    rejections = [r for r in records if isinstance(r, Rejection)]
    assert [r.line for r in rejections] == [2, 3, 4]
    assert rejections[0].detail == (
        "platform: 'Face Book!' không phải tên nền tảng; post_id: thiếu; "
        "time: '32/13/2026' không phải ngày hoặc ngày giờ; likes: -3 không phải số nguyên ≥ 0"
    )
    assert rejections[1].detail.startswith("không phải JSON hợp lệ (")
    assert rejections[2].detail == "mỗi dòng phải là một đối tượng JSON"
    assert {r.reason for r in rejections} == {RejectionReason.INVALID_ROW}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t")],
)
def test_csv_in_common_encodings_and_delimiters(tmp_path, encoding, delimiter):
    header = delimiter.join(["Platform", "ID", "Author", "Message", "Created Time", "Likes"])
    row = delimiter.join(
        ["tiktok", "7301", "@tintuc", '"Đường hỏng, xã hứa sửa"', "2026-11-21", "5.321"]
    )
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding=encoding)

    _, [entry] = read_file(path)

    assert isinstance(entry, Entry)
    assert (entry.platform, entry.platform_id, entry.author) == ("tiktok", "7301", "@tintuc")
    assert (entry.text, entry.published) == ("Đường hỏng, xã hứa sửa", dt.date(2026, 11, 21))
    assert entry.engagement == Engagement(likes=5321)


def test_legacy_tcvn3_csv_in_windows_1252_is_repaired(tmp_path):
    text = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
    path = tmp_path / "cu.csv"
    path.write_bytes(f"post_id,text,time\n1,{text},1795055400\n".encode("cp1252"))

    status, [entry] = read_file(path, platform="zalo")

    assert status.message == "Đọc tệp cu.csv dạng CSV (bảng mã cp1252)"
    assert isinstance(entry, Entry)
    assert (entry.platform, entry.text) == ("zalo", "Cộng hoà xã hội chủ nghĩa Việt Nam")
    assert entry.published == dt.datetime.fromtimestamp(1795055400, tz=dt.UTC)


def test_large_file_is_streamed_row_by_row(tmp_path):
    path = tmp_path / "lon.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for n in range(20_000):
            stream.write(json.dumps({**POST, "post_id": str(n)}) + "\n")

    harvest = harvest_file(path)
    first = next(harvest.records)
    rest = sum(1 for _ in harvest.records)

    assert isinstance(first, Entry) and first.platform_id == "0"
    assert rest == 19_999


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("khong-co.jsonl", "Không đọc được tệp khong-co.jsonl: không tìm thấy tệp"),
        (
            "bang.xlsx",
            "Không nhận ra loại tệp bang.xlsx: hãy dùng tệp .jsonl hoặc .csv, "
            "hoặc đặt tùy chọn format",
        ),
    ],
)
def test_unreadable_files_are_file_errors(tmp_path, name, message):
    status, records = read_file(tmp_path / name)
    assert (status.outcome, status.message, records) == (HarvestOutcome.FILE_ERROR, message, [])


def test_push_payload_is_validated_row_by_row():
    spec = SourceSpec(kind="push", url="", options={"platform": "youtube"})
    payload = {"items": [{**COMMENT, "platform": ""}, {"post_id": "x"}, "không phải đối tượng"]}

    harvest = get_connector("push").accept_payload(payload, spec)
    records = list(harvest.records)

    assert (harvest.status.outcome, harvest.status.message) == (
        HarvestOutcome.OK,
        "Đã nhận 3 tin",
    )
    assert isinstance(records[0], Entry) and records[0].platform == "youtube"
    assert Counter(type(r).__name__ for r in records) == {"Entry": 1, "Rejection": 2}


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"data": []}, 'Dữ liệu gửi lên phải có dạng {"items": [...]} hoặc là một danh sách tin'),
        ([POST] * 1001, "1001 tin trong một yêu cầu; chỉ được gửi tối đa 1000 tin"),
    ],
)
def test_push_payload_of_the_wrong_shape_is_refused_whole(payload, message):
    harvest = get_connector("push").accept_payload(payload, SourceSpec(kind="push", url=""))
    assert (harvest.status.outcome, harvest.status.message) == (
        HarvestOutcome.INVALID_PAYLOAD,
        message,
    )


TESTED_KINDS = {"rss", "site", "url", "file", "push"}


def test_every_registered_connector_is_tested_here():
    # A new connector module registers itself; this test makes its author add tests too.
    assert set(connector_kinds()) == TESTED_KINDS
    assert {kind for kind, info in connector_kinds().items() if info.polled} == TESTED_KINDS - {
        "push"
    }


def test_unknown_kind_names_the_known_ones():
    with pytest.raises(
        KeyError, match="unknown source kind 'telegram' \\(known: file, push, rss, site, url\\)"
    ):
        get_connector("telegram")
