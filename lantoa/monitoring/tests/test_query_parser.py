"""The query language: what each operator parses to, and how bad queries are refused."""

import pytest

from lantoa.monitoring.query import QueryError, parse
from lantoa.monitoring.query.ast import DEFAULT_FIELDS, And, Near, Not, Or, Phrase, Term
from lantoa.monitoring.query.parser import is_anchored

TITLE = frozenset({"title"})
SOURCE = frozenset({"source"})


def t(text: str, **options: object) -> Term:
    return Term(text=text, **options)  # type: ignore[arg-type]


def p(*words: str, **options: object) -> Phrase:
    return Phrase(words=words, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("truyền thông", And(children=(t("truyen"), t("thong")))),
        ("Đà AND Nẵng", And(children=(t("da"), t("nang")))),
        ("Đà VÀ Nẵng", And(children=(t("da"), t("nang")))),
        ("a OR b", Or(children=(t("a"), t("b")))),
        ("a HOẶC b", Or(children=(t("a"), t("b")))),
        ("a NOT b", And(children=(t("a"), Not(child=t("b"))))),
        ("a KHÔNG b", And(children=(t("a"), Not(child=t("b"))))),
        ("a NOT NOT b", And(children=(t("a"), t("b")))),
        ("a b OR c", Or(children=(And(children=(t("a"), t("b"))), t("c")))),
        ("a (b OR c)", And(children=(t("a"), Or(children=(t("b"), t("c")))))),
        ('"Bộ Y tế"', p("bo", "y", "te")),
        ('"tế"', t("te")),
        ("vắc-xin", p("vac", "xin")),
        ("tiêm*", t("tiem", prefix=True)),
        ("title:Hà", t("ha", fields=TITLE)),
        ("source:VnExpress", t("vnexpress", fields=SOURCE)),
        ("exact:Hà", t("hà", exact=True)),
        ('title:exact:"Hà Nội"', p("hà", "nội", exact=True, fields=TITLE)),
        ("title:(a OR b)", Or(children=(t("a", fields=TITLE), t("b", fields=TITLE)))),
        ("a NEAR/3 b", Near(left=t("a"), right=t("b"), distance=3)),
        ("a NEAR b", Near(left=t("a"), right=t("b"), distance=10)),
        ('a ONEAR/0 "b c"', Near(left=t("a"), right=p("b", "c"), distance=0, ordered=True)),
        ("ô nhiễm không khí", And(children=(t("o"), t("nhiem"), t("khong"), t("khi")))),
        ("a or and not", And(children=(t("a"), t("or"), t("and"), t("not")))),
    ],
)
def test_each_operator_parses_to_its_node(query: str, expected: object) -> None:
    # Given a query using one operator, when it is parsed, then the tree is exactly this.
    assert parse(query).root == expected


def test_exact_option_makes_every_word_exact() -> None:
    # Given the query-level exact flag, when parsed, then diacritics are kept.
    assert parse("Hà Nội", exact=True).root == And(
        children=(t("hà", exact=True), t("nội", exact=True))
    )


def test_unfielded_terms_search_title_and_body() -> None:
    assert frozenset({"title", "body"}) == DEFAULT_FIELDS


def test_decomposed_input_is_normalised() -> None:
    # Given a query typed in NFD (as some keyboards send it), the operator is still recognised.
    assert parse("a HOA\u0323\u0306C b").root == Or(children=(t("a"), t("b")))


@pytest.mark.parametrize(
    ("query", "position", "message"),
    [
        ("", 0, "Truy vấn trống: hãy nhập ít nhất một từ khoá."),
        ("   ", 0, "Truy vấn trống: hãy nhập ít nhất một từ khoá."),
        (
            "vắc xin (tiêm",
            8,
            "Thiếu dấu ngoặc đóng ')' cho dấu ngoặc mở ở vị trí 9.",
        ),
        (
            "vắc xin)",
            7,
            "Dấu ngoặc đóng ')' ở vị trí 8 không có dấu ngoặc mở tương ứng "
            "hoặc đứng ngay sau một toán tử.",
        ),
        ('a "bộ y', 2, "Thiếu dấu ngoặc kép đóng cho cụm từ mở ở vị trí 3."),
        ('a ""', 2, "Cụm từ trong ngoặc kép ở vị trí 3 không có chữ nào."),
        ("a ()", 2, "Cặp ngoặc ở vị trí 3 không có nội dung."),
        ("a AND", 2, "Toán tử AND ở vị trí 3 thiếu vế phải."),
        ("OR a", 0, "Toán tử OR ở vị trí 1 thiếu vế trái."),
        ("a OR OR b", 2, "Toán tử OR ở vị trí 3 thiếu vế phải."),
        ("a NOT", 2, "Toán tử NOT ở vị trí 3 thiếu vế phải."),
        ("NEAR/3 a", 0, "Toán tử NEAR/3 ở vị trí 1 thiếu vế trái."),
        ("a NEAR/3", 2, "Toán tử NEAR/3 ở vị trí 3 thiếu vế phải."),
        (
            "a NEAR (b OR c)",
            2,
            "NEAR ở vị trí 3 chỉ nối hai từ hoặc hai cụm từ, không nối một biểu thức "
            "hay một NEAR khác.",
        ),
        (
            "a NEAR/2 b NEAR/2 c",
            11,
            "NEAR/2 ở vị trí 12 chỉ nối hai từ hoặc hai cụm từ, không nối một biểu thức "
            "hay một NEAR khác.",
        ),
        ("a NEAR/51 b", 2, "Khoảng cách NEAR/51 ở vị trí 3 quá lớn: tối đa 50 từ."),
        (
            "title:a NEAR source:b",
            8,
            "Hai vế của NEAR ở vị trí 9 phải được tìm trong cùng một trường "
            "(tiêu đề, nội dung hoặc nguồn).",
        ),
        (
            "ti*",
            0,
            "Ký tự đại diện '*' ở vị trí 1 cần ít nhất 3 chữ phía trước: "
            "'ti*' sẽ khớp quá nhiều từ.",
        ),
        ("a*b", 0, "Ký tự đại diện '*' trong 'a*b' ở vị trí 1 chỉ được đặt ở cuối từ."),
        (
            "covid-19*",
            0,
            "Ký tự đại diện '*' ở vị trí 1 chỉ dùng được sau một từ đơn, không sau 'covid-19'.",
        ),
        ('"tiêm* chủng"', 0, "Ký tự đại diện '*' không dùng được trong cụm từ ở vị trí 1."),
        ("a ---", 2, "'---' ở vị trí 3 không chứa chữ hoặc số nào."),
        (
            "title: OR a",
            0,
            "Tiền tố 'title:' ở vị trí 1 phải đứng ngay trước một từ, một cụm từ "
            "hoặc một cặp ngoặc.",
        ),
    ],
)
def test_malformed_queries_are_refused_with_position(
    query: str, position: int, message: str
) -> None:
    # Given a malformed query, when parsed, then the error names the place in Vietnamese.
    with pytest.raises(QueryError) as refused:
        parse(query)
    assert (refused.value.position, refused.value.message) == (position, message)


NEGATION_ONLY = (
    "chỉ có phủ định (NOT/KHÔNG): như vậy phải quét toàn bộ dữ liệu nên không được chấp nhận. "
    "Hãy thêm ít nhất một từ khoá bắt buộc, ví dụ: vắc xin NOT covid."
)


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("NOT covid", 0),
        ("KHÔNG covid", 0),
        ("NOT a NOT b", 0),
        ("vắc xin OR NOT covid", 11),
        ("(NOT a) OR b", 1),
        ("a OR (NOT c NOT d)", 6),
        ("NOT (a OR b)", 0),
    ],
)
def test_negation_only_queries_are_refused(query: str, position: int) -> None:
    # Given a query some match of which contains no positive word, it is refused as too costly.
    with pytest.raises(QueryError) as refused:
        parse(query)
    assert refused.value.position == position
    assert refused.value.message == f"Phần truy vấn ở vị trí {position + 1} {NEGATION_ONLY}"


@pytest.mark.parametrize(
    "query", ["a NOT b", "a (NOT b NOT c)", "a (b OR NOT c)", "a NOT (b NOT c)"]
)
def test_negation_beside_a_required_word_is_accepted(query: str) -> None:
    assert parse(query).text == query


def test_too_many_words_are_refused() -> None:
    # Given 33 words (the limit is 32), the 33rd is named.
    query = " ".join(f"w{number}" for number in range(33))
    with pytest.raises(QueryError) as refused:
        parse(query)
    assert refused.value.position == query.index("w32")
    assert refused.value.message.startswith("Truy vấn có quá nhiều từ khoá (từ thứ 33")


def test_too_deep_nesting_is_refused() -> None:
    query = "(" * 9 + "a" + ")" * 9
    with pytest.raises(QueryError) as refused:
        parse(query)
    assert (refused.value.position, refused.value.message) == (
        8,
        "Truy vấn lồng nhau quá sâu ở vị trí 9; tối đa 8 cấp.",
    )


def test_too_long_query_is_refused() -> None:
    with pytest.raises(QueryError) as refused:
        parse("a " * 501)
    assert refused.value.message == "Truy vấn quá dài (1002 ký tự); tối đa 1000 ký tự."


@pytest.mark.parametrize(
    "query", ["a", "a NOT b", "a (b OR NOT c)", "(a OR b) NOT (c OR d)", "a NEAR/2 b NOT c"]
)
def test_every_accepted_query_is_anchored(query: str) -> None:
    assert is_anchored(parse(query).root)
