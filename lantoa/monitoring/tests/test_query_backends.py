"""One query list, three evaluators: SQLite FTS5, PostgreSQL and the matcher must agree exactly.

The matcher's brute-force answer is the reference; each backend runs its compiled query (and the
matcher post-filter when the compilation says so) over the same ~50 Vietnamese items.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from lantoa.monitoring.query import (
    FTS5_CREATE_TABLE,
    Document,
    compile_fts5,
    compile_tsquery,
    fts5_columns,
    matches,
    parse,
    pg_vector,
    pg_where,
)

CORPUS: dict[int, Document] = {
    number: Document(title=title, text=text, source=source)
    for number, (title, text, source) in enumerate(
        [
            (
                "Bộ Y tế triển khai tiêm chủng mở rộng",
                "Bộ Y tế cho biết chiến dịch tiêm chủng vắc-xin sởi sẽ bắt đầu từ tháng sau tại các tỉnh miền núi.",
                "VnExpress",
            ),
            (
                "Tiêm vắc-xin cho trẻ em",
                "Trẻ em từ 5 đến 11 tuổi được tiêm vắc-xin tại trường học, phụ huynh cần ký giấy đồng ý.",
                "Tuổi Trẻ",
            ),
            (
                "Truyền thông chính sách về y tế",
                "Công tác truyền thông chính sách y tế cần đi trước một bước, giải thích rõ cho người dân.",
                "Báo Chính phủ",
            ),
            (
                "Truyen thong khong dau",
                "Bai viet khong dau ve truyen thong chinh sach tai Da Nang.",
                "Facebook",
            ),
            (
                "Đà Nẵng mở rộng đường ven biển",
                "Thành phố Đà Nẵng đầu tư mở rộng đường Võ Nguyên Giáp, người dân đồng tình.",
                "Thanh Niên",
            ),
            (
                "Da Nang thong bao lich cat dien",
                "Dien luc Da Nang thong bao cat dien tai quan Hai Chau.",
                "Zalo",
            ),
            (
                "Trường Sa vững vàng",
                "Đoàn công tác thăm quần đảo Trường Sa, động viên cán bộ chiến sĩ.",
                "Quân đội Nhân dân",
            ),
            (
                "Trương Sa là tên một người",
                "Ông Trương Sa, một nông dân, trồng sả trên đất đồi.",
                "Nông nghiệp",
            ),
            (
                "Giá sả tăng mạnh",
                "Giá sả và gừng tăng mạnh do nhu cầu xuất khẩu, nông dân phấn khởi.",
                "Nông nghiệp",
            ),
            (
                "Ô nhiễm không khí ở Hà Nội",
                "Chỉ số ô nhiễm không khí tại Hà Nội vượt ngưỡng an toàn trong nhiều ngày liên tiếp.",
                "VnExpress",
            ),
            (
                "Không khí lễ hội tràn ngập phố phường",
                "Không khí lễ hội Tết khiến phố phường Hà Nội rực rỡ.",
                "Dân trí",
            ),
            (
                "Học sinh nghỉ học vì rét",
                "Học sinh tiểu học Hà Nội được nghỉ học khi nhiệt độ xuống dưới 10 độ.",
                "Dân trí",
            ),
            (
                "Tiếm quyền trong lịch sử",
                "Chuyện tiếm quyền thời phong kiến được các nhà sử học phân tích.",
                "Tia Sáng",
            ),
            (
                "Chính sách bảo hiểm y tế mới",
                "Luật bảo hiểm y tế sửa đổi mở rộng quyền lợi cho người bệnh hiếm muộn.",
                "Báo Chính phủ",
            ),
            (
                "Người dân phản đối dự án",
                "Người dân xã Đông Anh phản đối dự án bãi rác gây ô nhiễm nguồn nước.",
                "Facebook",
            ),
            (
                "Dự án đường sắt tốc độ cao",
                "Quốc hội thảo luận dự án đường sắt tốc độ cao Bắc Nam với tổng vốn lớn.",
                "VnExpress",
            ),
            (
                "Tin giả về vắc-xin lan truyền",
                "Mạng xã hội lan truyền tin giả rằng vắc-xin gây vô sinh, Bộ Y tế bác bỏ.",
                "Tuổi Trẻ",
            ),
            (
                "Bác bỏ tin đồn tăng giá điện",
                "EVN bác bỏ tin đồn tăng giá điện vào tháng tới, khẳng định giá giữ nguyên.",
                "Thanh Niên",
            ),
            (
                "Giá điện tăng 3%",
                "Bộ Công Thương quyết định tăng giá điện bình quân thêm 3% từ hôm nay.",
                "VnExpress",
            ),
            (
                "Covid-19 quay lại",
                "Số ca mắc covid-19 tăng nhẹ, Bộ Y tế khuyến cáo đeo khẩu trang nơi đông người.",
                "Dân trí",
            ),
            (
                "Khẩu trang và sức khỏe",
                "Đeo khẩu trang giúp giảm bụi mịn và bảo vệ sức khỏe hô hấp.",
                "Sức khỏe & Đời sống",
            ),
            (
                "Chuyển đổi số trong hành chính công",
                "Dịch vụ công trực tuyến giúp người dân tiết kiệm thời gian, giảm giấy tờ.",
                "Báo Chính phủ",
            ),
            (
                "Dịch vụ công bị lỗi",
                "Nhiều người dân phản ánh cổng dịch vụ công bị lỗi khi nộp hồ sơ.",
                "Facebook",
            ),
            (
                "Đường dây nóng tiếp nhận phản ánh",
                "Sở Y tế công bố đường dây nóng tiếp nhận phản ánh về chất lượng khám chữa bệnh.",
                "Sài Gòn Giải Phóng",
            ),
            (
                "Đuong day nong bi qua tai",
                "Duong day nong cua so y te bi qua tai vi qua nhieu cuoc goi.",
                "Zalo",
            ),
            (
                "Tuổi trẻ tình nguyện",
                "Thanh niên tình nguyện hỗ trợ người dân vùng lũ dọn dẹp nhà cửa.",
                "Thanh Niên",
            ),
            (
                "Mưa lũ miền Trung",
                "Mưa lũ gây sạt lở tại Quảng Nam, chính quyền sơ tán người dân.",
                "Tuổi Trẻ",
            ),
            (
                "Sạt lở đất tại Quảng Nam",
                "Sạt lở đất vùi lấp nhiều nhà dân, lực lượng cứu hộ đang tiếp cận.",
                "VnExpress",
            ),
            (
                "Giáo dục giới tính trong trường học",
                "Chương trình giáo dục giới tính được đưa vào trường học từ lớp 6.",
                "Giáo dục & Thời đại",
            ),
            (
                "Sách giáo khoa mới",
                "Bộ sách giáo khoa mới gây tranh luận về giá và nội dung.",
                "Dân trí",
            ),
            (
                "Giá sách giáo khoa tăng",
                "Phụ huynh lo lắng khi giá sách giáo khoa tăng gấp đôi.",
                "Tuổi Trẻ",
            ),
            (
                "Vaccine và vắc xin: cách viết nào đúng",
                "Từ vaccine được viết là vắc xin hoặc vắc-xin trong văn bản tiếng Việt.",
                "Ngôn ngữ",
            ),
            (
                "Thủ tướng chỉ đạo phòng chống dịch",
                "Thủ tướng yêu cầu các bộ ngành chủ động phòng chống dịch bệnh mùa hè.",
                "Báo Chính phủ",
            ),
            (
                "Phòng chống dịch sốt xuất huyết",
                "Sở Y tế Hà Nội phun thuốc diệt muỗi phòng chống dịch sốt xuất huyết.",
                "Hà Nội Mới",
            ),
            (
                "Sốt xuất huyết tăng ở phía Nam",
                "Số ca sốt xuất huyết ở phía Nam tăng cao, trẻ em chiếm đa số.",
                "Sài Gòn Giải Phóng",
            ),
            (
                "Bảo vệ môi trường biển",
                "Chiến dịch làm sạch biển thu hút nghìn tình nguyện viên tại Đà Nẵng.",
                "Thanh Niên",
            ),
            (
                "Rác thải nhựa đại dương",
                "Rác thải nhựa đe doạ sinh vật biển, cần hạn chế túi nilon.",
                "Môi trường",
            ),
            (
                "Đề xuất cấm xe máy",
                "Đề xuất cấm xe máy nội đô Hà Nội gây nhiều tranh cãi trên mạng xã hội.",
                "VnExpress",
            ),
            (
                "Xe máy điện lên ngôi",
                "Người tiêu dùng chuyển sang xe máy điện vì giá xăng tăng.",
                "Tuổi Trẻ",
            ),
            (
                "Giá xăng giảm",
                "Giá xăng giảm lần thứ ba liên tiếp theo giá dầu thế giới.",
                "Dân trí",
            ),
            (
                "Tiêm chủng ở trường học bị hoãn",
                "Việc tiêm chủng tại trường học bị hoãn do thiếu vắc-xin.",
                "Tuổi Trẻ",
            ),
            (
                "Vắc-xin sởi về muộn",
                "Lô vắc-xin sởi về muộn khiến kế hoạch tiêm chủng phải lùi lại.",
                "VnExpress",
            ),
            (
                "Y tế cơ sở thiếu nhân lực",
                "Trạm y tế xã thiếu bác sĩ, người dân phải lên tuyến trên khám bệnh.",
                "Sức khỏe & Đời sống",
            ),
            (
                "Bác sĩ trẻ về vùng sâu",
                "Chính sách thu hút bác sĩ trẻ về công tác tại vùng sâu vùng xa.",
                "Báo Chính phủ",
            ),
            (
                "Đăng ký tiêm nhắc lại",
                "Người dân đăng ký tiêm nhắc lại qua ứng dụng trên điện thoại.",
                "Zalo",
            ),
            (
                "Tiêm chủng mở rộng ở Đà Nẵng",
                "Đà Nẵng hoàn thành tiêm chủng mở rộng cho trẻ dưới một tuổi.",
                "Đà Nẵng",
            ),
            (
                "Người dân Da Nang noi ve tiem chung",
                "Nguoi dan Da Nang hai long voi tiem chung mo rong.",
                "Facebook",
            ),
            (
                "Bộ trưởng Bộ Y tế trả lời chất vấn",
                "Bộ trưởng trả lời chất vấn về thiếu thuốc và vật tư y tế.",
                "Quốc hội",
            ),
            (
                "Thiếu thuốc tại bệnh viện",
                "Nhiều bệnh viện thiếu thuốc do vướng thủ tục đấu thầu.",
                "VnExpress",
            ),
            (
                "Đấu thầu thuốc được tháo gỡ",
                "Nghị định mới tháo gỡ vướng mắc đấu thầu thuốc cho bệnh viện công.",
                "Báo Chính phủ",
            ),
            (
                "Ý kiến về dự thảo luật",
                "Lấy ý kiến người dân về dự thảo luật đất đai sửa đổi.",
                "Báo Chính phủ",
            ),
            # Over 256 occurrences of "y" and "tế": PostgreSQL drops positions, the loose path runs.
            ("Báo cáo ngành y tế", "y tế " * 300 + "bộ trưởng ký quyết định.", "Quốc hội"),
        ],
        start=1,
    )
}

QUERIES = [
    "truyền thông",
    "truyen thong",
    '"truyền thông chính sách"',
    "Đà Nẵng",
    "da nang",
    "dường",
    "đuong",
    'exact:"Đà Nẵng"',
    "exact:Trường",
    "exact:sả",
    "exact:sa",
    "trường sa",
    '"truong sa"',
    "exact:(Trường Sa)",
    "y tế AND tiêm",
    "y tế VÀ tiêm",
    "tiêm OR tiếm",
    "tiêm HOẶC đường",
    "tiêm NOT trường",
    "tiêm KHÔNG exact:tiêm",
    "tiêm NOT NOT trường",
    "(tiêm OR sả) NOT (Đà Nẵng OR giá)",
    "tiêm*",
    "tiem*",
    "exact:tiêm*",
    "tiêm* NOT chủng",
    "giá* AND điện",
    '"bộ y tế"',
    '"y tế" NOT "bộ y tế"',
    '"không khí"',
    "ô nhiễm không khí",
    'ô nhiễm NOT "không khí"',
    "tiêm NEAR/2 vắc",
    "vắc NEAR/2 tiêm",
    "tiêm ONEAR/3 xin",
    "xin ONEAR/6 tiêm",
    '"vắc xin" NEAR/5 trường',
    "tiêm* NEAR/1 chủng",
    "exact:tiêm NEAR/0 chủng",
    "giá NEAR/6 giá",
    "vùng NEAR/1 vùng",
    '"y tế" NEAR/4 "bộ trưởng"',
    "title:tiêm",
    "title:(tiêm OR giá) NOT source:VnExpress",
    "source:vnexpress",
    'source:"tuổi trẻ"',
    "tuổi trẻ",
    "source:zalo OR source:facebook",
    "title:exact:Đà",
    "covid-19",
    "sốt xuất huyết NOT title:tăng",
    "dịch (sốt OR covid OR bệnh) NOT (Hà Nội)",
    "xã NOT (hội NOT mạng)",
    "tiêm (chủng OR NOT vắc)",
    "tiêm NOT (tiêm ONEAR/0 chủng)",
    "giá NOT (giá NEAR/2 tăng)",
    'title:"giá điện" OR (điện NEAR/3 giá)',
    "Bộ Y tế",
    "người dân",
    '"tế bộ trưởng"',
    "tế NEAR/1 trưởng",
    'quyết NOT "tế bộ"',
]


def brute_force(query_text: str) -> set[int]:
    query = parse(query_text)
    return {number for number, document in CORPUS.items() if matches(query, document)}


@pytest.fixture(scope="module")
def sqlite_index() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(FTS5_CREATE_TABLE.format(table="item_search"))
    for number, document in CORPUS.items():
        columns = fts5_columns(document)
        names = ", ".join(["rowid", *columns])
        marks = ", ".join("?" * (len(columns) + 1))
        connection.execute(
            f"INSERT INTO item_search ({names}) VALUES ({marks})",  # noqa: S608 - fixed names
            [number, *columns.values()],
        )
    yield connection
    connection.close()


def sqlite_search(connection: sqlite3.Connection, query_text: str) -> set[int]:
    query = parse(query_text)
    compiled = compile_fts5(query)
    rows = connection.execute(
        "SELECT rowid FROM item_search WHERE item_search MATCH ?", [compiled.match]
    ).fetchall()
    found = {row[0] for row in rows}
    if compiled.post_filter:
        # As the search does: rows of the ``sure`` subset are kept unchecked.
        sure = set()
        if compiled.sure:
            sure_rows = connection.execute(
                "SELECT rowid FROM item_search WHERE item_search MATCH ?", [compiled.sure]
            ).fetchall()
            sure = {row[0] for row in sure_rows}
        found = {n for n in found if n in sure or matches(query, CORPUS[n])}
    return found


def test_an_ordered_near_is_sure_for_its_adjacent_phrase() -> None:
    compiled = compile_fts5(parse("tiêm ONEAR/3 xin"))

    assert compiled.post_filter
    assert compiled.sure == '{body_folded title_folded} : "tiem xin"'


@pytest.fixture(scope="module")
def postgres_index() -> Iterator[object]:
    psycopg = pytest.importorskip("psycopg")
    scratch = "lantoa_query_test"
    try:
        admin = psycopg.connect(
            "host=127.0.0.1 user=postgres dbname=postgres", autocommit=True, connect_timeout=3
        )
    except psycopg.OperationalError as unreachable:
        pytest.skip(f"PostgreSQL unreachable: {unreachable}")
    admin.execute(f"DROP DATABASE IF EXISTS {scratch}")
    admin.execute(f"CREATE DATABASE {scratch}")
    connection = psycopg.connect(f"host=127.0.0.1 user=postgres dbname={scratch}", autocommit=True)
    connection.execute(
        "CREATE TABLE item (id integer PRIMARY KEY, search_vector tsvector NOT NULL, "
        "search_positions_complete boolean NOT NULL)"
    )
    connection.execute("CREATE INDEX item_search_vector ON item USING gin (search_vector)")
    for number, document in CORPUS.items():
        vector = pg_vector(document)
        connection.execute(
            "INSERT INTO item VALUES (%s, %s::tsvector, %s)",
            [number, vector.literal, vector.positions_complete],
        )
    yield connection
    connection.close()
    admin.execute(f"DROP DATABASE {scratch}")
    admin.close()


def postgres_search(connection: object, query_text: str) -> set[int]:
    query = parse(query_text)
    where, params = pg_where(compile_tsquery(query))
    rows = connection.execute(  # type: ignore[attr-defined]
        f"SELECT id, search_positions_complete FROM item WHERE {where}",  # noqa: S608
        params,
    ).fetchall()
    return {number for number, complete in rows if complete or matches(query, CORPUS[number])}


@pytest.mark.parametrize("query_text", QUERIES)
def test_sqlite_fts5_equals_the_matcher(sqlite_index: sqlite3.Connection, query_text: str) -> None:
    # Given the corpus in FTS5, when the compiled query runs, then it finds what the matcher does.
    assert sqlite_search(sqlite_index, query_text) == brute_force(query_text)


@pytest.mark.postgres
@pytest.mark.parametrize("query_text", QUERIES)
def test_postgres_equals_the_matcher(postgres_index: object, query_text: str) -> None:
    assert postgres_search(postgres_index, query_text) == brute_force(query_text)


@pytest.mark.parametrize(
    ("query_text", "expected"),
    [
        ("truyen thong", {3, 4}),
        ("Đà Nẵng", {4, 5, 6, 36, 46, 47}),
        ("exact:Đà exact:Nẵng", {5, 36, 46}),
        ("đường dây nóng", {24, 25}),
        ("exact:sả", {8, 9}),
        ('"không khí"', {10, 11}),
        ("tiêm ONEAR/3 xin", {1, 2}),
        ("title:tiêm", {1, 2, 13, 41, 45, 46, 47}),
        ("source:vnexpress", {1, 10, 16, 19, 28, 38, 42, 49}),
        ('"tuổi trẻ"', {26}),
    ],
)
def test_reference_answers_are_the_expected_items(query_text: str, expected: set[int]) -> None:
    # The shared reference itself, pinned on hand-checked cases.
    assert brute_force(query_text) == expected


def test_the_long_item_exercises_postgres_position_limit() -> None:
    assert [pg_vector(document).positions_complete for document in CORPUS.values()].count(
        False
    ) == 1


def test_every_query_finds_something_and_not_everything() -> None:
    # A comparison of empty answers would prove nothing; each query must discriminate.
    assert all(0 < len(brute_force(text)) < len(CORPUS) for text in QUERIES)
