from lantoa.consultation.themes import themes

COMMENTS = [
    "Vốn điều lệ năm tỷ đồng quá cao với hợp tác xã nhỏ.",
    "Đề nghị giảm vốn điều lệ tối thiểu xuống hai tỷ đồng.",
    "Vốn điều lệ cao sẽ loại doanh nghiệp nhỏ khỏi thị trường.",
    "Trạm đỗ phải có mái che và camera giám sát.",
    "Cần quy định camera giám sát tại mọi trạm đỗ.",
    "Trạm đỗ nên có camera và đèn chiếu sáng ban đêm.",
]


def test_comments_on_two_subjects_form_two_themes_with_a_representative_each() -> None:
    found = themes(COMMENTS)
    assert sorted(sorted(t.members) for t in found) == [[0, 1, 2], [3, 4, 5]]
    for theme in found:
        assert theme.representative in theme.members
        assert theme.label


def test_few_comments_form_one_theme() -> None:
    assert themes(COMMENTS[:2])[0].members == (0, 1)
    assert themes([]) == ()
