"""Policy-agnostic phrase banks for demo news articles, written for this project.

Slots filled once per policy: ``{cs}`` the policy subject, ``{ag}`` its lead agency. Slots filled
per item: ``{p}`` a province phrase (or "nhiều địa phương"), ``{n}`` and ``{m}`` two counts,
``{r}`` a small percentage, ``{h}`` a high percentage, ``{d}`` the day ("12/9"). Every ``{p}``
sits where both a province and "nhiều địa phương" read naturally (after "tại", "ở", "người dân",
"chính quyền").
Sentences start in lower case so a connector can precede them; the composer capitalises.
Stance follows Lantoa's sentiment guidelines: negative = shortcomings, overload, complaints,
price rises; positive = results and benefits delivered; neutral = announcements, plans,
procedures and plain statistics.
"""

__all__ = ["BACKGROUND", "CONNECTORS", "LEADS", "QUOTES", "SENTENCES", "TITLES"]

CONNECTORS = (
    "Theo ghi nhận của phóng viên, ",
    "Trong những ngày gần đây, ",
    "Bên cạnh đó, ",
    "Cũng theo thông tin từ cơ quan chức năng, ",
    "Trên thực tế, ",
    "Đáng chú ý, ",
    "Tính đến thời điểm này, ",
    "Ngoài ra, ",
)

LEADS = {
    "negative": (
        "ngày {d}, nhiều người dân {p} tiếp tục phản ánh những bất cập trong thực hiện {cs}.",
        "những ngày qua, việc triển khai {cs} ở {p} bộc lộ nhiều hạn chế, gây bức xúc trong dư luận.",
        "ngày {d}, đường dây nóng ở {p} liên tục nhận được phản ánh về {cs}.",
    ),
    "neutral": (
        "ngày {d}, {ag} tổ chức hội nghị hướng dẫn triển khai {cs} với đại diện {p}.",
        "ngày {d}, chính quyền {p} ban hành kế hoạch thực hiện {cs} trong quý tới.",
        "theo thông báo ngày {d}, {ag} sẽ rà soát việc thực hiện {cs} tại {p}.",
    ),
    "positive": (
        "ngày {d}, chính quyền {p} thông tin về những kết quả tích cực trong thực hiện {cs}.",
        "sau một thời gian triển khai, {cs} ở {p} đã mang lại lợi ích thiết thực cho người dân.",
        "ngày {d}, {ag} biểu dương những địa phương làm tốt {cs}, trong đó có {p}.",
    ),
}

SENTENCES = {
    "negative": (
        "việc triển khai {cs} tại {p} vẫn còn chậm so với yêu cầu, nhiều nhiệm vụ chưa hoàn thành"
        " đúng hạn.",
        "nhiều người dân {p} phản ánh thủ tục rườm rà, phải đi lại nhiều lần mà hồ sơ vẫn chưa được"
        " giải quyết.",
        "đường dây nóng tiếp nhận hơn {n} ý kiến phàn nàn chỉ trong một tuần.",
        "cán bộ cơ sở thừa nhận tình trạng quá tải kéo dài, trong khi nhân lực và kinh phí còn"
        " thiếu.",
        "dư luận bức xúc vì những vướng mắc đã được chỉ ra từ lâu nhưng đến nay vẫn chưa được khắc"
        " phục.",
        "sự phối hợp giữa các cơ quan chức năng ở {p} còn thiếu chặt chẽ, để người dân phải chờ"
        " đợi.",
        "một số chuyên gia cho rằng cách làm hiện nay còn hình thức, chưa đi vào thực chất.",
        "nhiều hộ gia đình ở {p} cho biết cuộc sống đang khó khăn hơn so với trước.",
        "đại biểu dân cử đã chất vấn về những tồn tại kéo dài trong thực hiện {cs}.",
        "tỷ lệ hồ sơ trễ hạn ở một số nơi lên tới {r}%, cao hơn nhiều so với cùng kỳ.",
        "không ít người tỏ ra thất vọng vì những cam kết trước đó chưa được thực hiện đầy đủ.",
        "trách nhiệm của người đứng đầu ở một số đơn vị chưa được làm rõ, gây mất niềm tin.",
        "nhiều kiến nghị của cử tri {p} gửi từ kỳ họp trước vẫn chưa được trả lời.",
        "người lao động là đối tượng chịu thiệt thòi nhiều nhất khi chính sách chậm đi vào cuộc"
        " sống.",
        "tình trạng đùn đẩy trách nhiệm giữa các đơn vị khiến sự việc kéo dài.",
    ),
    "neutral": (
        "{ag} đã ban hành văn bản hướng dẫn các địa phương triển khai {cs} trong thời gian tới.",
        "văn bản nêu rõ trách nhiệm của từng cơ quan, đơn vị và thời hạn báo cáo kết quả.",
        "người dân có thể tra cứu thông tin và thủ tục liên quan trên cổng thông tin điện tử của"
        " địa phương.",
        "theo số liệu thống kê, trong tháng qua {p} tiếp nhận {n} hồ sơ liên quan.",
        "các sở, ngành được giao rà soát, tổng hợp khó khăn, vướng mắc và đề xuất giải pháp trong"
        " quý này.",
        "{ag} đề nghị các địa phương chủ động phối hợp, cung cấp thông tin kịp thời cho báo chí.",
        "dự kiến, kế hoạch được thực hiện theo hai giai đoạn, giai đoạn đầu tập trung ở cấp xã.",
        "đại diện {ag} cho biết sẽ tiếp tục lấy ý kiến các bộ, ngành trước khi trình cấp có thẩm"
        " quyền.",
        "hội nghị có sự tham gia của lãnh đạo các sở, ngành và đại diện chính quyền cấp xã.",
        "quy định mới có hiệu lực kể từ ngày ký và áp dụng thống nhất trên phạm vi cả nước.",
        "chính quyền {p} đã giao một cơ quan đầu mối theo dõi, tổng hợp tình hình thực hiện.",
        "báo cáo định kỳ sẽ được gửi về {ag} trước ngày 25 hằng tháng.",
        "theo lộ trình, việc sơ kết sẽ được tổ chức vào cuối quý, tổng kết vào cuối năm.",
        "các địa phương được đề nghị gửi danh sách cán bộ đầu mối trước khi triển khai.",
        "hồ sơ, biểu mẫu thống nhất được đăng tải kèm theo văn bản hướng dẫn.",
        "kinh phí thực hiện được bố trí từ ngân sách nhà nước và các nguồn hợp pháp khác.",
        "trường hợp có vướng mắc, các đơn vị phản ánh về cơ quan chủ trì để được hướng dẫn.",
        "buổi làm việc tiếp theo dự kiến diễn ra trong tháng tới tại trụ sở {ag}.",
        "trong tuần, {p} ghi nhận {m} lượt người dân đến hỏi thông tin về {cs}.",
        "đoàn công tác sẽ làm việc trực tiếp với một số xã, phường được chọn khảo sát.",
    ),
    "positive": (
        "nhiều người dân bày tỏ sự hài lòng và cảm ơn chính quyền {p} đã kịp thời hỗ trợ.",
        "đến ngày {d}, đã có hơn {m} người dân được hưởng lợi trực tiếp từ chính sách.",
        "kết quả đạt được vượt {r}% so với kế hoạch đề ra, là mức cao nhất từ trước đến nay.",
        "các chuyên gia đánh giá đây là cách làm hiệu quả, có thể nhân rộng ra các địa phương"
        " khác.",
        "chi phí và thời gian của người dân giảm đáng kể, thủ tục được giải quyết nhanh gọn hơn.",
        "{ag} ghi nhận {p} là một trong những nơi thực hiện tốt {cs}.",
        "người dân {p} tin tưởng chính sách sẽ tiếp tục mang lại nhiều lợi ích thiết thực.",
        "nhờ sự vào cuộc quyết liệt của cả hệ thống chính trị, nhiều chỉ tiêu quan trọng đã hoàn"
        " thành trước thời hạn.",
        "mức độ hài lòng của người dân đạt {h}%, tăng rõ rệt so với năm trước.",
        "cách làm sáng tạo ở {p} đã tạo được sự đồng thuận cao trong nhân dân.",
        "nhiều doanh nghiệp cũng đánh giá cao sự chủ động, minh bạch của cơ quan chức năng.",
        "những kết quả bước đầu cho thấy chính sách đã đi đúng hướng và hợp lòng dân.",
        "nhiều hộ gia đình ở {p} đã được hỗ trợ kịp thời, ổn định cuộc sống.",
        "cử tri {p} đánh giá cao tinh thần trách nhiệm, sát dân của cán bộ cơ sở.",
        "đây là lần đầu tiên {p} hoàn thành chỉ tiêu này sớm hơn kế hoạch.",
    ),
}

# Neutral background any article may carry, whatever its stance.
BACKGROUND = (
    "{cs} là một trong những nhiệm vụ trọng tâm được Chính phủ giao cho các bộ, ngành và địa"
    " phương trong năm nay.",
    "theo phân công, {ag} là cơ quan chủ trì, phối hợp với các bộ, ngành liên quan theo dõi việc"
    " thực hiện.",
    "việc thực hiện được đặt trong bối cảnh bộ máy chính quyền địa phương hai cấp vận hành từ"
    " ngày 1/7/2025.",
    "chính quyền {p} đã thành lập tổ công tác để theo dõi, đôn đốc việc thực hiện ở cơ sở.",
    "các nội dung liên quan được công khai trên cổng thông tin điện tử để người dân theo dõi.",
    "quy trình tiếp nhận, xử lý phản ánh của người dân được thực hiện theo quy định hiện hành.",
    "trong quý tới, các sở, ngành sẽ tổ chức kiểm tra tại một số xã, phường đại diện.",
    "số liệu được tổng hợp từ báo cáo của các địa phương gửi về cơ quan chủ trì.",
    "kế hoạch truyền thông về chính sách được triển khai đồng thời trên báo chí và mạng xã hội.",
    "các cơ quan báo chí được cung cấp thông tin định kỳ tại buổi họp báo hằng tháng.",
)

QUOTES = {
    "negative": (
        "“Tôi đã đi lại ba lần mà vẫn chưa xong, rất mất thời gian và công sức”, một người dân ở"
        " {p} bức xúc.",
        "“Chúng tôi đã kiến nghị nhiều lần nhưng đến nay vẫn chưa có câu trả lời thỏa đáng”, một"
        " người dân ở {p} cho biết.",
        "“Cán bộ ít mà việc quá nhiều, có ngày chúng tôi phải làm đến tối”, một cán bộ cấp xã ở"
        " {p} thừa nhận.",
    ),
    "neutral": (
        "“Chúng tôi sẽ tổng hợp ý kiến và báo cáo cấp có thẩm quyền theo đúng quy định”, đại diện"
        " {ag} cho biết.",
        "“Kế hoạch chi tiết sẽ được công bố công khai để người dân tiện theo dõi”, lãnh đạo một sở"
        " ở {p} thông tin.",
        "“Các đơn vị cần hoàn thành việc rà soát trong tháng này”, đại diện {ag} nêu rõ.",
    ),
    "positive": (
        "“Bây giờ mọi việc nhanh gọn hơn nhiều, gia đình tôi rất phấn khởi”, một người dân ở {p}"
        " chia sẻ.",
        "“Chúng tôi thực sự cảm ơn sự hỗ trợ kịp thời của chính quyền”, một người dân ở {p} xúc"
        " động nói.",
        "“Kết quả này là nền tảng để chúng tôi tiếp tục làm tốt hơn”, lãnh đạo một sở ở {p}"
        " khẳng định.",
    ),
}

TITLES = {
    "negative": (
        "Người dân {p} mệt mỏi vì {cs} còn nhiều bất cập",
        "Bao giờ hết cảnh chờ đợi khi thực hiện {cs}?",
        "Chậm trễ kéo dài trong triển khai {cs} ở {p}",
    ),
    "neutral": (
        "{ag} hướng dẫn triển khai {cs}",
        "Kế hoạch thực hiện {cs} tại {p} trong quý tới",
        "Rà soát việc thực hiện {cs} ở {p}",
    ),
    "positive": (
        "{cs} mang lại lợi ích thiết thực cho người dân {p}",
        "Nhiều kết quả tích cực từ {cs} tại {p}",
        "Người dân {p} phấn khởi với {cs}",
    ),
}
