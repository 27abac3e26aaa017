"""What a query highlights in a text, and the segments a template renders."""

from lantoa.monitoring.query import Segment, Span, highlight, parse, segments, snippet

TEXT = "Bộ Y tế khuyến cáo người dân Đà Nẵng tiêm vắc-xin; không tiêm quá liều."


def test_positive_words_and_phrases_are_highlighted_folded() -> None:
    spans = highlight(parse('da nang "vac xin"'), TEXT)
    assert [TEXT[span.start : span.end] for span in spans] == ["Đà", "Nẵng", "vắc-xin"]


def test_negated_words_are_not_highlighted() -> None:
    spans = highlight(parse("tiêm NOT cáo"), TEXT)
    assert [TEXT[span.start : span.end] for span in spans] == ["tiêm", "tiêm"]


def test_prefix_and_near_operands_are_highlighted() -> None:
    spans = highlight(parse("khuy* NEAR/3 dân"), TEXT)
    assert spans == [Span(start=8, end=14), Span(start=25, end=28)]


def test_segments_alternate_plain_and_matched_text() -> None:
    text = "Giá điện tăng <b>3%</b>"
    assert segments(text, highlight(parse("điện"), text)) == [
        Segment(text="Giá ", matched=False),
        Segment(text="điện", matched=True),
        Segment(text=" tăng <b>3%</b>", matched=False),
    ]


def test_snippet_cuts_around_the_first_match_with_ellipses() -> None:
    text = "mở đầu " * 40 + "tiêm chủng" + " kết thúc" * 40
    pieces = snippet(parse("chủng"), text, width=40)
    assert pieces[0] == Segment(text="…", matched=False)
    assert pieces[-1] == Segment(text="…", matched=False)
    assert [piece.text for piece in pieces if piece.matched] == ["chủng"]
    assert sum(len(piece.text) for piece in pieces[1:-1]) == 40
