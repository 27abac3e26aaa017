"""Social-media phrase banks, written for this project: post openers and generic posts per stance,
short comments per stance, emojis, and the teencode spellings some users type.

Posts and comments are written as they appear (capitalised).
"""

__all__ = ["COMMENTS", "EMOJIS", "LOCAL_POSTS", "OPENERS", "POSTS", "TEENCODE"]

OPENERS = {
    "negative": ("Bức xúc thật sự! ", "Mọi người ơi! ", "Có ai thấy vô lý không? ", ""),
    "neutral": ("Thông tin cho bà con: ", "Mọi người lưu ý: ", "Chia sẻ: ", ""),
    "positive": ("Tin vui nè! ", "Phải khen một câu: ", "Cảm ơn chính quyền! ", ""),
}

# Posts that name the place ({p}: a province phrase, or "quê mình" when the post names none).
LOCAL_POSTS = {
    "negative": (
        "Ở {p} làm cái thủ tục mà mất cả tuần, cán bộ thì bảo chờ.",
        "Bên {p} cũng y như vậy, khổ dân quá.",
        "Dân ở {p} phản ánh mãi mà chẳng thấy ai trả lời.",
        "Ở {p} chuyện này kéo dài cả tháng nay rồi.",
    ),
    "neutral": (
        "Có ai ở {p} biết thủ tục này nộp ở đâu không ạ?",
        "Lịch tiếp công dân tuần này ở {p}, ai cần thì qua nhé.",
        "Bà con ở {p} chú ý theo dõi thông báo của xã.",
        "Ở {p} đã có hướng dẫn chi tiết, mọi người hỏi cán bộ xã nhé.",
    ),
    "positive": (
        "Ở {p} giờ làm gì cũng nhanh gọn, rất đáng ghi nhận.",
        "Cán bộ ở {p} nhiệt tình lắm, giải quyết xong trong buổi sáng.",
        "Thấy rõ {p} thay đổi nhiều so với trước, mong tiếp tục phát huy.",
        "Bà con ở {p} ai cũng mừng, chính sách này thiết thực thật.",
    ),
}

POSTS = {
    "negative": (
        "Phản ánh mãi mà không ai trả lời, dân biết kêu ai bây giờ?",
        "Hứa nhiều lắm mà làm chẳng được bao nhiêu, thất vọng quá.",
        "Cứ thế này thì ai mà chịu nổi.",
        "Đề nghị các cơ quan có trách nhiệm xem lại ngay.",
    ),
    "neutral": (
        "Đăng lại thông báo để mọi người cùng nắm.",
        "Tổng hợp văn bản hướng dẫn mới nhất, mọi người tham khảo.",
        "Ai có thông tin thêm thì chia sẻ giúp mình nhé.",
        "Lưu lại để khi cần thì xem.",
    ),
    "positive": (
        "Chính sách này thiết thực thật, nhà mình được hưởng lợi nhiều.",
        "Rất đáng ghi nhận, cảm ơn các cán bộ.",
        "Làm được như vậy thì dân tin tưởng lắm.",
        "Mong sẽ có thêm nhiều chính sách hay như thế này.",
    ),
}

COMMENTS = {
    "negative": (
        "Chỗ mình cũng vậy, chờ mãi không xong.",
        "Nói thì hay lắm, làm thì chẳng ra sao.",
        "Cần làm rõ trách nhiệm người đứng đầu.",
        "Dân khổ quá rồi, ai nghe cho thấu.",
        "Lại hứa suông nữa à?",
        "Đề nghị cơ quan chức năng vào cuộc ngay.",
    ),
    "neutral": (
        "Cho mình hỏi thủ tục này cần giấy tờ gì ạ?",
        "Đã nhận thông tin, cảm ơn ad.",
        "Xin link văn bản gốc với ạ.",
        "Chấm hóng.",
        "Bao giờ thì áp dụng vậy mọi người?",
        "Mình ở xã bên cạnh, không biết có áp dụng không.",
    ),
    "positive": (
        "Tuyệt vời, cảm ơn chính quyền!",
        "Rất đáng ghi nhận, mong tiếp tục phát huy.",
        "Nhà mình cũng được hỗ trợ rồi, cảm ơn nhiều.",
        "Làm vậy dân mới tin chứ.",
        "Quá tiện lợi luôn.",
        "Cán bộ xã mình làm tốt lắm.",
    ),
}

EMOJIS = {
    "negative": ("😡", "😤", "😢", "🙄", "👎", "😩"),
    "neutral": ("📌", "📢", "ℹ️", "👉", "📝", "🗓️"),
    "positive": ("👍", "❤️", "👏", "🎉", "🥰", "💯"),
}

# Whole-word respellings common in Vietnamese teencode, applied to posts of the teencode style.
TEENCODE = (
    ("không", "ko"),
    ("Không", "Ko"),
    ("được", "đc"),
    ("vậy", "z"),
    ("gì", "j"),
    ("biết", "bít"),
    ("quá", "wá"),
    ("mình", "mk"),
    ("rồi", "r"),
    ("người", "ng"),
    ("với", "vs"),
)
