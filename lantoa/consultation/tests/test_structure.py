from lantoa.consultation.structure import split_text
from lantoa.consultation.tests.drafts import DRAFT_V1


def test_a_realistic_draft_splits_into_chapters_sections_articles_clauses_and_points() -> None:
    # given the first version of a draft decree; when it is split
    units = split_text(DRAFT_V1)
    by_key = {unit.key: unit for unit in units}

    # then the preamble, 3 chapters, 2 sections, 5 articles, 11 clauses and 3 points are found
    kinds = [unit.kind for unit in units]
    assert kinds.count("preamble") == 1
    assert kinds.count("chuong") == 3
    assert kinds.count("muc") == 2
    assert [u.key for u in units if u.kind == "dieu"] == [f"dieu-{n}" for n in range(1, 6)]
    assert kinds.count("khoan") == 11
    assert [u.key for u in units if u.kind == "diem"] == [
        "dieu-3.khoan-2.diem-a",
        "dieu-3.khoan-2.diem-b",
        "dieu-3.khoan-2.diem-c",
    ]
    assert by_key["chuong-II"].heading == "CẤP PHÉP VÀ VẬN HÀNH"
    assert by_key["chuong-II.muc-1"].heading == "CẤP PHÉP"
    assert by_key["dieu-3"].heading == "Điều kiện cấp giấy phép"
    assert by_key["dieu-3"].parent_key == "chuong-II.muc-1"
    assert by_key["dieu-1"].text.startswith("Nghị định này quy định về cấp phép")
    assert by_key["dieu-4.khoan-2"].text.startswith("Mua bảo hiểm trách nhiệm dân sự")
    assert by_key["dieu-3.khoan-2.diem-b"].text == "Mỗi trạm đỗ có tối thiểu mười vị trí sạc điện;"
    assert by_key["dieu-3.khoan-2.diem-b"].label == "Điều 3, khoản 2, điểm b"
    assert by_key["preamble"].text.startswith("CHÍNH PHỦ")
    assert [u.position for u in units] == list(range(len(units)))


def test_numbered_lines_before_any_article_stay_in_the_preamble() -> None:
    units = split_text("Căn cứ:\n1. Luật Tổ chức Chính phủ;\nĐiều 1. Phạm vi\nNội dung.")
    assert [(u.key, u.kind) for u in units] == [("preamble", "preamble"), ("dieu-1", "dieu")]
    assert units[0].text == "Căn cứ:\n1. Luật Tổ chức Chính phủ;"


def test_a_repeated_article_number_gets_its_own_key() -> None:
    units = split_text("Điều 1. A\nmột\nĐiều 1. B\nhai")
    assert [u.key for u in units] == ["dieu-1", "dieu-1'"]
