"""Vietnamese lexicons for public-affairs stance and for toxicity, written for Lantoa.

Weights follow /work/shared/sentiment-guidelines.md: wrongdoing, harm, failures, complaints and
hurtful price rises are negative; achievements, delivered benefits, praise and trust are
positive. 1.0 is a clear cue, 1.5 a strong one, 0.5 a weak or often-neutral one. Entries are
syllable phrases in lower case with diacritics, brought to the project's tone-mark style on
load; the scorer also matches them folded (without diacritics) when a text is typed that way.
"""

from lantoa.core.text import normalize_tone_placement

__all__ = [
    "CONTRAST_MARKERS",
    "HATE_TARGETS",
    "HATE_TERMS",
    "INTENSIFIERS",
    "INTENT_MARKERS",
    "NEGATIVE",
    "NEGATORS",
    "NOT_NEGATING_NEXT",
    "OFFENSIVE_TERMS",
    "POSITIVE",
]


def _weighted(table: str) -> dict[str, float]:
    """Parse "phrase:weight" entries separated by commas or new lines."""
    entries = (item.strip() for line in table.splitlines() for item in line.split(","))
    parsed = (entry.rsplit(":", 1) for entry in entries if entry)
    return {normalize_tone_placement(p.strip()): float(weight) for p, weight in parsed}


def _phrases(table: str) -> frozenset[str]:
    items = (item.strip() for item in table.split(","))
    return frozenset(normalize_tone_placement(item) for item in items if item)


NEGATIVE = _weighted("""
tham nhũng:1.5, tham ô:1.5, hối lộ:1.5, nhận hối lộ:1.5, đưa hối lộ:1.5, lãng phí:1.2,
sai phạm:1.2, vi phạm:1.0, gian lận:1.2, lừa đảo:1.5, buôn lậu:1.3, trốn thuế:1.2, trục lợi:1.2,
thất thoát:1.2, chiếm đoạt:1.2, lạm dụng:1.0, lợi dụng:0.8, thao túng:1.0, bao che:1.2,
khuất tất:1.2, nhũng nhiễu:1.3, hạch sách:1.2, phiền hà:1.0, tiêu cực:1.0, bê bối:1.2,
ùn tắc:1.0, kẹt xe:1.0, tắc đường:1.0, quá tải:1.0, thiệt hại:1.0, chậm trễ:1.0,
chậm tiến độ:1.2, trì trệ:1.0, đình trệ:1.0, trì hoãn:0.8, dây dưa:1.0, đùn đẩy:1.0,
né tránh:0.8, làm ngơ:1.0, vô trách nhiệm:1.3, thiếu trách nhiệm:1.3, buông lỏng:1.0,
bức xúc:1.2, phẫn nộ:1.5, bất bình:1.0, chỉ trích:1.0, phản đối:0.7, khiếu nại:0.6,
khiếu kiện:0.8, tố cáo:0.8, lo ngại:0.8, lo lắng:0.7, thất vọng:1.0, than phiền:1.0,
tăng giá:0.8, đắt đỏ:0.8, leo thang:0.8, lạm phát:0.8, thua lỗ:1.0, phá sản:1.0,
thất nghiệp:0.8, suy giảm:0.8, giảm sút:0.8, sụt giảm:0.8, nợ đọng:0.8, nợ xấu:1.0,
tai nạn:1.0, hỏa hoạn:1.0, cháy nổ:1.0, vụ cháy:1.0, bốc cháy:1.0, tử vong:1.0, thiệt mạng:1.0,
thương vong:1.0, bị thương:0.8, chết:1.0, nạn nhân:0.8, thảm họa:1.5, thảm kịch:1.5,
lũ lụt:1.0, ngập lụt:1.0, ngập úng:1.0, sạt lở:1.0, hạn hán:1.0, xâm nhập mặn:0.8,
ô nhiễm:1.0, dịch bệnh:0.8, ngộ độc:1.0, thiếu hụt:0.8, khan hiếm:0.8, thiếu:0.5,
yếu kém:1.0, bất cập:1.0, hạn chế:0.5, khó khăn:0.7, vướng mắc:0.8, xuống cấp:1.0,
hư hỏng:0.8, bỏ hoang:0.8, đắp chiếu:1.0, lộn xộn:0.8, tràn lan:0.8, nhếch nhác:1.0,
hỗn loạn:1.0, gây rối:1.0, ngang nhiên:1.0, nguy hiểm:1.0, nguy cơ:0.6, rủi ro:0.6,
cảnh báo:0.6, báo động:1.0, đáng báo động:1.2, nghiêm trọng:1.0, khẩn cấp:0.5,
khởi tố:0.8, truy tố:0.8, tạm giam:0.8, bắt giữ:0.6, bị bắt:0.8, truy nã:1.0,
lừa:1.0, trộm:1.0, cướp:1.2, giết:1.5, sát hại:1.5, án mạng:1.2, ma túy:1.0, đánh bạc:1.0,
bạo lực:1.2, xâm hại:1.2, hiếp dâm:1.5, xâm phạm:1.0, hàng giả:1.0, kém chất lượng:1.2,
kém:0.8, tệ:1.0, tồi:1.0, tồi tệ:1.5, xấu:0.8, dở:0.8, chán:0.8, nhàm chán:1.0, khó hiểu:0.8,
buồn ngủ:0.8, chậm:0.5, ồn ào:0.6, sai:0.6, sai sót:0.8, thiếu sót:0.8, mập mờ:0.8,
gây hại:1.0, hoành hành:1.0, bất công:1.2, oan sai:1.2, ép buộc:1.0, gây khó dễ:1.2,
phạm tội:1.0, tội phạm:0.8, bị cáo:0.6, vụ án:0.6, án tù:0.8, năm tù:0.8, tù giam:0.8,
tử hình:0.8, cá độ:1.0, dâm ô:1.5, cưỡng đoạt:1.2, cưỡng hiếp:1.5, trộm cắp:1.2, cướp giật:1.3,
bắt quả tang:1.0, tàng trữ trái phép:1.0, trái phép:0.8, bất hợp pháp:0.8, làm giả:1.0,
giả mạo:1.0, xuyên tạc:1.0, sai sự thật:1.0, thông đồng:1.2, tẩu tán:1.0, lót tay:1.3,
tắc trách:1.2, nguy kịch:1.0, hôn mê:0.8, ngộ độc:1.0, cá chết:1.0, chết oan:1.5,
mất tích:1.0, mắc kẹt:0.8, đổ sập:1.2, sập:0.8, thiệt hại nặng nề:1.5, khủng hoảng:1.0,
bùng phát:0.8, lây lan:0.6, lo sợ:0.8, hoang mang:0.8, ế ẩm:1.0, đóng băng:0.8,
khó chấp nhận:1.0, chưa đáp ứng:1.0, không đủ:0.6, thiếu thốn:1.0, lúng túng:1.0, lơ là:1.0,
bỏ không:0.8, treo:0.5, quá thấp:0.8, quá cao:0.8, phê bình:0.8
""")

POSITIVE = _weighted("""
vượt kế hoạch:1.5, vượt chỉ tiêu:1.5, vượt dự toán:1.2, hoàn thành:0.8, về đích:1.0,
miễn phí:1.0, miễn thuế:1.0, giảm phí:1.0, giảm thuế:0.8, giảm giá:0.8, hạ giá:0.8,
hỗ trợ:0.6, trợ cấp:0.8, trợ giá:0.8, cứu trợ:0.8, tặng quà:0.8, trao tặng:0.8, ủng hộ:0.8,
tăng trưởng:1.0, khởi sắc:1.2, phục hồi:0.8, cải thiện:0.8, đột phá:1.0, kỷ lục:0.8,
thành công:1.2, thành tựu:1.2, thành tích:1.0, hiệu quả:0.7, thiết thực:0.8, kịp thời:0.8,
tốt:0.7, tốt đẹp:1.2, xuất sắc:1.5, tuyệt vời:1.5, ấn tượng:1.0, nổi bật:0.8, tích cực:1.0,
khen thưởng:1.0, khen:1.0, biểu dương:1.0, tuyên dương:1.0, vinh danh:1.0, cảm ơn:1.0,
tri ân:1.0, tin tưởng:1.0, đồng tình:0.8, hài lòng:1.2, hoan nghênh:1.0, đánh giá cao:1.2,
thoát nghèo:1.2, an sinh:0.6, ổn định:0.3, bền vững:0.6, thịnh vượng:1.0, an toàn:0.3,
thuận lợi:0.8, thuận tiện:0.8, minh bạch:0.8, tiết kiệm:0.6, hữu ích:0.8, bổ ích:1.0,
ý nghĩa:0.6, tiên phong:0.8, thu hút:0.5, thặng dư:0.8, xuất siêu:0.8, tăng thu:0.8,
giải cứu:0.8, cứu sống:1.0, chữa khỏi:1.2, khỏi bệnh:1.0, âm tính:0.3, minh oan:1.0,
tăng trưởng mạnh:1.3, tín hiệu tích cực:1.3, giảm giá vé:1.0, tặng:0.6,
quyên góp:0.8, cảm kích:1.0, tự hào:1.0, phấn khởi:1.2, nhiệt tình:1.0, tận tâm:1.0, tận tình:1.0, chu đáo:1.0,
dễ hiểu:1.0, hay:0.3, vui:0.5, vui vẻ:0.8, thân thiện:0.8, gần gũi:0.8, hấp dẫn:0.5,
thú vị:0.5, đầy đủ:0.6, rõ ràng:0.6, đẹp:0.5, sạch:0.5, giúp đỡ:0.8, nâng cao:0.3
""")

# Words that turn the next cue around ("không tốt"); scoped to the next three syllables.
NEGATORS = _phrases(
    "không, chẳng, chả, chưa, đâu có, không hề, chẳng hề, chưa hề, chưa từng, không được, "
    "đừng, chớ, không phải, chẳng phải, thiếu"
)
# "không" starts nouns that negate nothing: không khí (air), không gian, không quân, ...
NOT_NEGATING_NEXT = _phrases("khí, gian, quân, phận, trung, lưu, ảnh, ít, những, chỉ")
INTENSIFIERS = _weighted("""
rất:1.5, quá:1.5, cực kỳ:1.8, cực kì:1.8, vô cùng:1.8, hết sức:1.6, đặc biệt:1.4, cực:1.5,
siêu:1.5, lắm:1.4, nhiều:1.2, khá:1.2, hơi:0.6, tương đối:0.8, nghiêm trọng:1.3
""")
# Plans, directives and intentions are neutral (guidelines, convention 3): a positive cue within
# four syllables after one of these is a goal, not an achievement ("cần nâng cao hiệu quả").
INTENT_MARKERS = _phrases(
    "cần, phải, nhằm, để, sẽ, đề nghị, yêu cầu, kêu gọi, hãy, mong, nên, dự kiến, kế hoạch, "
    "mục tiêu, phấn đấu, bảo đảm, đảm bảo, chỉ đạo, tiếp tục"
)
# The clause after these carries the emphasis (guidelines, convention 4).
CONTRAST_MARKERS = _phrases("tuy nhiên, tuy vậy, song, nhưng, thế nhưng, dù vậy, mặc dù vậy")

OFFENSIVE_TERMS = _weighted("""
đm:1.5, đmm:1.5, đcm:1.5, dcm:1.5, dkm:1.5, đkm:1.5, địt:1.5, đéo:1.2, vcl:1.2, vkl:1.2,
vl:0.8, vãi:0.6, vãi lồn:1.5, cc:1.0, clgt:1.2, cmm:1.5, cmn:1.2, lồn:1.5, buồi:1.5, cặc:1.5,
đụ:1.5, đĩ:1.5, điếm:1.2, mẹ mày:1.5, bố mày:1.2, con chó:1.2, chó:0.8, ngu:1.2, đần:1.0,
ngu dốt:1.2, ngu si:1.2, khùng:0.8, điên:0.6, khốn nạn:1.3, mất dạy:1.3, láo:0.8, bố láo:1.2,
cứt:1.2, rác rưởi:1.0, thiểu năng:1.2, não tôm:1.2, óc lợn:1.3, đồ ngu:1.5, câm mồm:1.3,
đụ má:1.5, đụ mẹ:1.5, đéo biết:1.2, fuck:1.5, shit:1.0, wtf:0.8, dm:1.2, dmm:1.5, ml:0.8
""")
# Slurs aimed at groups or at a person's worth; any of them makes a text hateful.
HATE_TERMS = _phrases(
    "súc vật, súc sinh, óc chó, tàu khựa, khựa, ba que, 3 que, bò đỏ, mọi rợ, đồ rác rưởi, "
    "lũ chó, bọn chó, thằng chó, con đĩ, đĩ điếm, não chó, phản động"
)
# An insult right after one of these targets a person or a group: "bọn ...", "thằng ...".
HATE_TARGETS = _phrases("bọn, lũ, tụi, đám, thằng, con mụ, mụ, đồ, loại, cái loại")
