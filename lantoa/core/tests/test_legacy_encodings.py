import pytest

from lantoa.core.legacy_encodings import (
    LegacyEncoding,
    decode_tcvn3,
    decode_vni,
    detect_legacy_encoding,
    repair_legacy_text,
)

UNICODE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"
# The same sentence as its legacy bytes look when decoded as windows-1252.
TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc"


def test_tcvn3_is_detected_and_repaired():
    assert detect_legacy_encoding(TCVN3) is LegacyEncoding.TCVN3
    repair = repair_legacy_text(TCVN3)
    assert repair.encoding is LegacyEncoding.TCVN3
    assert repair.text == UNICODE


def test_vni_is_detected_and_repaired():
    assert detect_legacy_encoding(VNI) is LegacyEncoding.VNI
    assert repair_legacy_text(VNI).text == UNICODE


def test_vni_uppercase_and_horn_vowels():
    assert decode_vni("NGÖÔØI DAÂN VIEÄT NAM ñöôïc") == "NGƯỜI DÂN VIỆT NAM được"


def test_tcvn3_bytes_decoded_as_latin1_round_trip():
    raw = "Uû ban nh©n d©n tØnh".encode("latin-1")
    assert decode_tcvn3(raw.decode("cp1252")) == "Uỷ ban nhân dân tỉnh"


@pytest.mark.parametrize(
    "text",
    [
        UNICODE,
        "Người dân hoà bình, thuỷ lợi và khoẻ mạnh ở Hà Nội.",
        "The Ministry announced the new policy on Monday.",
        "Müller aß in der Straße, café très élevé, naïve façade à Paris.",
        "Giá 1.250.000 đồng — 50% © 2024 ® ™ « » ¶ § ±",
        "",
    ],
)
def test_detection_does_not_fire_on_unicode_or_other_languages(text):
    assert detect_legacy_encoding(text) is None
    assert repair_legacy_text(text).text == text
