from lantoa.consultation.carry import carry_target, match_units
from lantoa.consultation.structure import split_text
from lantoa.consultation.tests.drafts import DRAFT_V1, DRAFT_V2


def test_renumbered_and_edited_clauses_are_matched_to_their_new_numbers() -> None:
    # given version 1 and version 2, where a new Điều 3 pushes the later articles down
    old, new = split_text(DRAFT_V1), split_text(DRAFT_V2)

    # when the versions are matched
    matches = {m.old_key: m.new_key for m in match_units(old, new)}

    # then unchanged, renumbered and reworded units follow, and the deleted clause has no match
    assert matches["dieu-1"] == "dieu-1"
    assert matches["dieu-2.khoan-2"] == "dieu-2.khoan-2"
    assert matches["dieu-3"] == "dieu-4"
    assert matches["dieu-3.khoan-2.diem-b"] == "dieu-4.khoan-2.diem-b"
    assert matches["dieu-4.khoan-2"] == "dieu-5.khoan-2"  # reworded
    assert matches["dieu-5"] == "dieu-6"
    assert "dieu-5.khoan-3" not in matches  # deleted in version 2
    assert "dieu-3" not in matches.values()  # the new article inherits nothing


def test_a_comment_on_a_deleted_clause_lands_on_its_article() -> None:
    old, new = split_text(DRAFT_V1), split_text(DRAFT_V2)
    matches = match_units(old, new)
    assert carry_target("dieu-5.khoan-3", old, matches) == "dieu-6"
    assert carry_target("dieu-4.khoan-1", old, matches) == "dieu-5.khoan-1"


def test_a_completely_different_draft_carries_nothing() -> None:
    old = split_text("Điều 1. Thuế\n1. Thuế suất thuế giá trị gia tăng là mười phần trăm.")
    new = split_text("Điều 1. Rừng\n1. Nghiêm cấm khai thác gỗ trong rừng đặc dụng.")
    matches = match_units(old, new)
    assert carry_target("dieu-1.khoan-1", old, matches) is None
