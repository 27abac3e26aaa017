"""The matcher's semantics, operator by operator, on one small news item."""

import pytest

from lantoa.monitoring.query import Document, matches, parse

ITEM = Document(
    title="Bộ Y tế khuyến cáo tiêm vắc-xin",
    text="Người dân Đà Nẵng cần tiêm chủng đầy đủ; truyền thông đưa tin rộng rãi.",
    source="Báo Tuổi Trẻ",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("truyền thông", True),
        ("truyen thong", True),
        ("TRUYỀN THÔNG", True),
        ("da nang", True),
        ("đa năng", True),  # folding is symmetric: both sides lose their marks
        ("exact:Đà", True),
        ("exact:da", False),
        ('exact:"đà nẵng"', True),
        ("dan AND tiem", True),
        ("dan AND xyz", False),
        ("dan OR xyz", True),
        ("xyz OR abc", False),
        ("dan NOT xyz", True),
        ("dan NOT tiem", False),
        ('"y tế"', True),
        ('"tế y"', False),
        ('"dân đà nẵng"', True),
        ('"vắc xin"', True),
        ('"cáo tiêm vắc xin người"', False),  # a phrase never spans title and body
        ("tiêm*", True),
        ("tiêmx*", False),
        ("exact:tiê*", True),
        ("exact:tie*", False),
        ("dân NEAR/0 đà", True),
        ("đà NEAR/0 dân", True),
        ("đà ONEAR/0 dân", False),
        ("dân ONEAR/0 đà", True),
        ("dân NEAR/2 cần", True),
        ("dân NEAR/1 cần", False),
        ('"người dân" NEAR/3 "tiêm chủng"', True),
        ('"người dân" NEAR/2 "tiêm chủng"', False),
        ("tiêm NEAR/0 tiêm", False),  # one occurrence cannot be both operands
        ("khuyến NEAR/20 người", False),  # different fields
        ("title:tiêm", True),
        ("title:dân", False),
        ("source:tuổi", True),
        ("tuổi", False),  # unfielded words never search the source
        ("title:(tiêm OR dân) NOT source:thanh", True),
    ],
)
def test_each_operator_has_its_meaning(query: str, expected: bool) -> None:
    # Given the item, when the query is evaluated, then it matches exactly when expected.
    assert matches(parse(query), ITEM) is expected


def test_punctuation_and_case_do_not_split_or_join_words() -> None:
    item = Document(text="COVID-19: số ca mắc tăng.")
    assert matches(parse('"covid 19 số"'), item)
    assert matches(parse("covid-19"), item)


def test_only_the_first_15000_body_tokens_are_searched() -> None:
    # The same cut every index applies (PostgreSQL positions stop at 16,383).
    item = Document(text="a " * 15_000 + "muộn")
    assert not matches(parse("muộn"), item)
    assert matches(parse("muộn"), Document(text="a " * 14_999 + "muộn"))
