"""Policy-specific phrase banks, written for this project: per policy slug and stance, a few news
titles, article sentences and social posts. Slots as in ``phrases_news``; sentences start in lower
case, posts and titles are written as they appear.
"""

__all__ = ["POLICY_PHRASES", "PolicyPhrases"]

# (titles, sentences, posts) for one stance of one policy.
PolicyPhrases = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

_DIGITAL: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Hệ thống dịch vụ công cấp xã ở {p} liên tục báo lỗi",
            "Xếp hàng từ sáng vẫn chưa nộp được hồ sơ",
        ),
        (
            "hệ thống dịch vụ công trực tuyến thường xuyên bị treo, người dân phải quay về nộp hồ sơ giấy.",
            "trung tâm phục vụ hành chính công của nhiều xã ở {p} quá tải từ sáng sớm.",
            "sau khi sắp xếp chính quyền hai cấp, nhiều cán bộ xã chưa thạo phần mềm mới.",
            "đường truyền chập chờn khiến việc ký số và thanh toán phí trực tuyến bị gián đoạn.",
        ),
        (
            "Lên xã làm giấy tờ từ 7h mà 11h vẫn chưa tới lượt, hệ thống lỗi suốt.",
            "Nộp hồ sơ online ba lần đều báo lỗi, cuối cùng vẫn phải chạy lên xã.",
            "Dịch vụ công gì mà cứ đến giờ cao điểm là treo, mệt thật sự.",
        ),
    ),
    "neutral": (
        (
            "Hướng dẫn nộp hồ sơ trực tuyến tại cấp xã",
            "Công bố danh mục thủ tục giải quyết ở cấp xã",
        ),
        (
            "danh mục gồm {n} thủ tục hành chính được tiếp nhận trực tuyến toàn trình ở cấp xã.",
            "người dân có thể nộp hồ sơ tại trung tâm phục vụ hành chính công hoặc qua ứng dụng.",
            "các xã được yêu cầu bố trí cán bộ hướng dẫn người cao tuổi sử dụng dịch vụ công.",
            "việc kết nối dữ liệu dân cư với phần mềm một cửa sẽ hoàn thành trong năm nay.",
        ),
        (
            "Từ tuần sau xã mình nhận hồ sơ đăng ký khai sinh qua mạng, mọi người lưu ý nhé.",
            "Chia sẻ danh sách thủ tục làm online được ở cấp xã cho ai cần.",
            "Trung tâm hành chính công xã mở cửa cả sáng thứ Bảy từ tháng này.",
        ),
    ),
    "positive": (
        (
            "Dịch vụ công cấp xã ở {p}: nộp hồ sơ không cần ra trụ sở",
            "Chuyển đổi số giúp xã rút ngắn thời gian giải quyết hồ sơ",
        ),
        (
            "tỷ lệ hồ sơ được giải quyết trực tuyến đúng hạn ở {p} đạt {h}%.",
            "người dân chỉ mất vài phút để nộp hồ sơ trên điện thoại, không phải đi lại nhiều.",
            "nhiều xã đã miễn phí dịch vụ công trực tuyến cho người dân trong năm nay.",
            "mô hình tổ công nghệ số cộng đồng giúp người cao tuổi làm thủ tục dễ dàng hơn.",
        ),
        (
            "Vừa làm giấy khai sinh cho con qua mạng, hai ngày là có, nhanh hơn hẳn trước.",
            "Cán bộ xã hướng dẫn rất nhiệt tình, làm thủ tục online giờ dễ lắm.",
            "Khen cho xã mình, nộp hồ sơ không phải chờ đợi gì cả.",
        ),
    ),
}

_HEALTH: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Hồ sơ sức khỏe điện tử: nhiều người chưa xem được dữ liệu",
            "Bệnh viện ở {p} vẫn bắt người bệnh mang sổ giấy",
        ),
        (
            "nhiều người dân mở ứng dụng nhưng hồ sơ sức khỏe điện tử trống trơn, không có dữ liệu.",
            "dữ liệu khám chữa bệnh giữa các cơ sở y tế ở {p} chưa được liên thông như cam kết.",
            "người bệnh vẫn phải chụp lại phim, làm lại xét nghiệm khi chuyển viện.",
            "phần mềm bệnh án điện tử ở một số bệnh viện thường xuyên gặp sự cố.",
        ),
        (
            "Cài VNeID rồi mà mục hồ sơ sức khỏe chả có gì, vậy tích hợp để làm gì?",
            "Đi khám vẫn phải mang cả chồng giấy tờ, bệnh án điện tử ở đâu?",
            "Chuyển viện lại xét nghiệm lại từ đầu, tốn tiền mà mất thời gian.",
        ),
    ),
    "neutral": (
        (
            "Bộ Y tế hướng dẫn tra cứu hồ sơ sức khỏe điện tử",
            "Lộ trình triển khai bệnh án điện tử tại {p}",
        ),
        (
            "người dân có thể tra cứu hồ sơ sức khỏe điện tử trên ứng dụng VNeID.",
            "các bệnh viện được yêu cầu hoàn thành triển khai bệnh án điện tử theo lộ trình.",
            "dữ liệu khám sức khỏe định kỳ sẽ được cập nhật vào hồ sơ của từng người.",
            "trong tháng qua, các cơ sở y tế ở {p} đã cập nhật {n} lượt khám vào hệ thống.",
        ),
        (
            "Ai chưa biết cách xem hồ sơ sức khỏe trên VNeID thì xem hướng dẫn dưới đây.",
            "Bệnh viện tỉnh thông báo từ tháng sau dùng bệnh án điện tử hoàn toàn.",
            "Lịch khám sức khỏe miễn phí cho người cao tuổi ở phường mình tuần này.",
        ),
    ),
    "positive": (
        (
            "Bệnh án điện tử giúp người bệnh ở {p} bớt giấy tờ",
            "Hồ sơ sức khỏe điện tử: tiện lợi khi đi khám",
        ),
        (
            "người bệnh không còn phải mang theo sổ khám bệnh, thời gian chờ giảm rõ rệt.",
            "bác sĩ xem được tiền sử bệnh ngay trên hệ thống nên chẩn đoán nhanh hơn.",
            "đã có hơn {n} người dân ở {p} được tạo hồ sơ sức khỏe điện tử đầy đủ.",
            "nhiều bệnh viện tiết kiệm được chi phí in phim và lưu trữ giấy tờ.",
        ),
        (
            "Đi khám giờ chỉ cần căn cước, không phải mang sổ nữa, tiện ghê.",
            "Xem được kết quả xét nghiệm ngay trên điện thoại, quá tiện luôn.",
            "Cảm ơn bệnh viện đã làm bệnh án điện tử, mẹ mình đi tái khám nhanh hơn hẳn.",
        ),
    ),
}

_HOUSING: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Nhà ở xã hội ở {p}: thủ tục dày đặc, người thu nhập thấp khó tiếp cận",
            "Giá nhà ở xã hội vượt quá khả năng của công nhân",
        ),
        (
            "nhiều công nhân chờ cả năm vẫn chưa được xét duyệt hồ sơ mua nhà ở xã hội.",
            "giá bán nhà ở xã hội ở {p} tăng khoảng {r}%, vượt xa khả năng chi trả của người lao động.",
            "thủ tục xác nhận điều kiện thu nhập còn rườm rà, mỗi nơi hướng dẫn một kiểu.",
            "nhiều dự án chậm tiến độ nhiều năm, người đăng ký mua mỏi mòn chờ đợi.",
        ),
        (
            "Nộp hồ sơ nhà ở xã hội từ đầu năm mà giờ vẫn bặt vô âm tín.",
            "Lương công nhân thế này thì mua nhà ở xã hội kiểu gì nổi?",
            "Bốc thăm nhà ở xã hội mà sao toàn người quen trúng vậy?",
        ),
    ),
    "neutral": (
        (
            "Điều kiện mua nhà ở xã hội theo quy định mới",
            "{p} công bố danh sách dự án nhà ở xã hội",
        ),
        (
            "người mua nhà ở xã hội phải đáp ứng điều kiện về nhà ở và thu nhập theo quy định.",
            "chủ đầu tư sẽ tiếp nhận hồ sơ đăng ký trong thời hạn ba mươi ngày.",
            "dự án có tổng cộng {n} căn hộ, dự kiến bàn giao trong năm tới.",
            "lãi suất cho vay ưu đãi được điều chỉnh định kỳ theo thông báo của ngân hàng.",
        ),
        (
            "Ai đang tìm hiểu nhà ở xã hội thì đây là danh sách giấy tờ cần chuẩn bị.",
            "Dự án nhà ở xã hội gần khu công nghiệp bắt đầu nhận hồ sơ từ thứ Hai.",
            "Hỏi: lương bao nhiêu thì được mua nhà ở xã hội vậy mọi người?",
        ),
    ),
    "positive": (
        (
            "Hàng nghìn công nhân ở {p} có cơ hội an cư",
            "Nhà ở xã hội về đích sớm, người thu nhập thấp vui mừng nhận nhà",
        ),
        (
            "hơn {n} hộ gia đình thu nhập thấp ở {p} đã nhận bàn giao căn hộ.",
            "gói vay ưu đãi giúp nhiều gia đình trẻ sở hữu căn nhà đầu tiên.",
            "thời gian xét duyệt hồ sơ đã rút ngắn còn một nửa so với trước.",
            "dự án được hoàn thành trước tiến độ, chất lượng công trình được đánh giá tốt.",
        ),
        (
            "Cuối cùng cũng nhận nhà ở xã hội rồi, cảm ơn mọi người đã hỗ trợ thủ tục.",
            "Vợ chồng công nhân như mình giờ cũng có nhà, vui lắm.",
            "Dự án này làm nhanh mà chất lượng ổn, đáng khen.",
        ),
    ),
}

_FUEL: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Giá xăng tăng liên tiếp, người dân {p} lo chi tiêu",
            "Giá xăng dầu tăng kéo theo giá cước vận tải",
        ),
        (
            "giá xăng tăng thêm {r}% sau kỳ điều hành, đẩy chi phí sinh hoạt lên cao.",
            "nhiều tài xế công nghệ ở {p} than thở thu nhập giảm mạnh vì giá nhiên liệu.",
            "một số cửa hàng xăng dầu treo biển hết hàng, người dân phải đi xa để đổ xăng.",
            "giá cước vận tải và giá hàng hóa thiết yếu tăng theo, người lao động chịu thiệt.",
        ),
        (
            "Xăng lại tăng nữa rồi, đi làm mỗi tháng tốn thêm cả trăm nghìn.",
            "Cây xăng gần nhà treo biển hết hàng, chạy mấy cây số mới đổ được.",
            "Giá xăng lên là cái gì cũng lên theo, lương thì vẫn vậy.",
        ),
    ),
    "neutral": (
        (
            "Liên bộ điều chỉnh giá xăng dầu kỳ này",
            "Giá xăng dầu được điều chỉnh từ 15 giờ hôm nay",
        ),
        (
            "giá bán lẻ được điều chỉnh theo kết quả tính toán của kỳ điều hành.",
            "liên bộ quyết định không trích lập quỹ bình ổn giá trong kỳ này.",
            "thời gian giữa hai kỳ điều hành giá được giữ ở mức bảy ngày.",
            "doanh nghiệp đầu mối phải bảo đảm nguồn cung cho hệ thống phân phối.",
        ),
        (
            "Giá xăng dầu kỳ này áp dụng từ 15h chiều nay, anh em cập nhật nhé.",
            "Bảng giá xăng dầu mới nhất cho ai cần.",
            "Kỳ điều hành tới rơi vào thứ Năm tuần sau.",
        ),
    ),
    "positive": (
        (
            "Giá xăng giảm, người dân và doanh nghiệp ở {p} bớt gánh nặng",
            "Giá xăng dầu giảm kỳ thứ ba liên tiếp",
        ),
        (
            "giá xăng giảm giúp người dân và doanh nghiệp tiết kiệm đáng kể chi phí.",
            "nguồn cung xăng dầu được bảo đảm ổn định, không còn tình trạng cửa hàng đóng cửa.",
            "nhiều hãng vận tải ở {p} đã chủ động giảm giá cước sau khi giá nhiên liệu giảm.",
            "việc điều hành linh hoạt giúp kiềm chế lạm phát trong mức mục tiêu.",
        ),
        (
            "Xăng giảm giá rồi, đổ đầy bình thấy nhẹ cả người.",
            "Giá xăng giảm ba kỳ liên tiếp, mong giữ được mức này lâu dài.",
            "Nhà xe đã giảm giá vé theo giá xăng, đáng khen.",
        ),
    ),
}

_FLOOD: dict[str, PolicyPhrases] = {
    "negative": (
        ("Mưa lũ gây thiệt hại nặng nề tại {p}", "Sạt lở uy hiếp hàng trăm hộ dân ở {p}"),
        (
            "mưa lũ làm hàng nghìn ngôi nhà bị ngập, nhiều tuyến đường bị chia cắt.",
            "sạt lở đất tại {p} khiến nhiều hộ dân phải sơ tán khẩn cấp trong đêm.",
            "người dân vùng lũ phản ánh hàng cứu trợ đến chậm, phân phát chưa đồng đều.",
            "thiệt hại về nông nghiệp ước tính hơn {n} héc-ta lúa và hoa màu.",
        ),
        (
            "Nước lên nhanh quá, nhà mình ngập tới nửa mét rồi, ai gần đó giúp với.",
            "Đường vào thôn sạt lở từ hôm qua mà vẫn chưa ai đến khắc phục.",
            "Cứu trợ chỗ thì thừa chỗ thì thiếu, bà con vùng sâu chưa nhận được gì.",
        ),
    ),
    "neutral": (
        ("{ag} chỉ đạo ứng phó với đợt mưa lớn", "Dự báo mưa lớn diện rộng tại khu vực {p}"),
        (
            "cơ quan khí tượng dự báo lượng mưa phổ biến từ 100 đến 200 mi-li-mét.",
            "các địa phương được yêu cầu rà soát phương án sơ tán dân ở vùng trũng thấp.",
            "lực lượng chức năng ở {p} đã kiểm tra {n} điểm có nguy cơ sạt lở.",
            "các hồ chứa được yêu cầu vận hành đúng quy trình, thông báo trước khi xả lũ.",
        ),
        (
            "Thông báo lịch xả lũ của hồ chứa đầu nguồn, bà con vùng hạ du chú ý.",
            "Số điện thoại đường dây nóng cứu hộ của xã, mọi người lưu lại nhé.",
            "Dự báo tối nay có mưa to, hạn chế ra ngoài nếu không cần thiết.",
        ),
    ),
    "positive": (
        (
            "Người dân vùng lũ {p} nhận hỗ trợ kịp thời",
            "Sơ tán an toàn hàng nghìn hộ dân trước bão",
        ),
        (
            "nhờ sơ tán sớm, không có thiệt hại về người trong đợt mưa lũ vừa qua.",
            "hàng nghìn suất quà và nhu yếu phẩm đã đến tay bà con vùng lũ ở {p}.",
            "lực lượng chức năng đã nhanh chóng khôi phục giao thông và điện sinh hoạt.",
            "các gia đình có nhà bị hư hỏng được hỗ trợ kinh phí sửa chữa ngay sau lũ.",
        ),
        (
            "Cảm ơn các chiến sĩ đã giúp bà con dọn bùn đất sau lũ, quý lắm.",
            "Xã mình sơ tán sớm nên mọi người đều an toàn, cảm ơn chính quyền.",
            "Điện nước có lại rồi, cảm ơn anh em điện lực làm xuyên đêm.",
        ),
    ),
}

_COUNTERFEIT: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Hàng giả tràn lan trên mạng, người tiêu dùng {p} sập bẫy",
            "Phát hiện kho hàng nhái quy mô lớn tại {p}",
        ),
        (
            "lực lượng quản lý thị trường phát hiện kho chứa hơn {n} sản phẩm giả nhãn hiệu.",
            "nhiều người tiêu dùng ở {p} mua phải thực phẩm chức năng giả bán trên mạng.",
            "các đối tượng buôn lậu liên tục thay đổi thủ đoạn để qua mặt cơ quan chức năng.",
            "hàng giả, hàng nhái bày bán công khai ở nhiều chợ mà chưa bị xử lý dứt điểm.",
        ),
        (
            "Mua kem chống nắng trên mạng về dùng bị dị ứng, hóa ra là hàng giả.",
            "Chợ gần nhà bán hàng nhái công khai mà chẳng thấy ai kiểm tra.",
            "Livestream bán hàng giả nhan nhản, người mua biết kêu ai?",
        ),
    ),
    "neutral": (
        (
            "Kế hoạch cao điểm chống buôn lậu, hàng giả cuối năm",
            "{ag} kiểm tra thị trường trước mùa mua sắm",
        ),
        (
            "kế hoạch cao điểm kéo dài đến hết tháng Một năm sau.",
            "trong tháng qua, lực lượng chức năng ở {p} đã kiểm tra {n} cơ sở kinh doanh.",
            "các sàn thương mại điện tử được yêu cầu phối hợp cung cấp thông tin người bán.",
            "người tiêu dùng có thể phản ánh qua đường dây nóng của cơ quan quản lý thị trường.",
        ),
        (
            "Cách kiểm tra tem chống giả trên sản phẩm, mọi người tham khảo nhé.",
            "Đường dây nóng phản ánh hàng giả của tỉnh mình, lưu lại khi cần.",
            "Tháng này quản lý thị trường kiểm tra các cửa hàng trên địa bàn.",
        ),
    ),
    "positive": (
        (
            "Người tiêu dùng {p} yên tâm hơn khi mua sắm",
            "Thị trường minh bạch hơn nhờ truy xuất nguồn gốc",
        ),
        (
            "việc truy xuất nguồn gốc bằng mã QR giúp người tiêu dùng yên tâm khi mua hàng.",
            "nhiều doanh nghiệp đánh giá cao sự đồng hành của cơ quan chức năng trong bảo vệ thương hiệu.",
            "người dân {p} tin tưởng hơn vào các cửa hàng đạt chuẩn được chứng nhận.",
            "các sàn thương mại điện tử đã chủ động gỡ bỏ gian hàng không rõ nguồn gốc.",
        ),
        (
            "Quét mã QR là biết nguồn gốc sản phẩm, giờ mua sắm yên tâm hơn nhiều.",
            "Cảm ơn các anh quản lý thị trường, chợ mình giờ bán hàng rõ ràng hẳn.",
            "Mua hàng chính hãng có tem truy xuất, thấy rất an tâm.",
        ),
    ),
}

_TUITION: dict[str, PolicyPhrases] = {
    "negative": (
        (
            "Miễn học phí nhưng phụ huynh {p} vẫn đóng nhiều khoản thu",
            "Lạm thu đầu năm học khiến phụ huynh bức xúc",
        ),
        (
            "dù được miễn học phí, nhiều phụ huynh ở {p} vẫn phải nộp hàng loạt khoản thu khác.",
            "một số trường tự đặt ra các khoản thu ngoài quy định, gây bức xúc cho phụ huynh.",
            "kinh phí cấp bù học phí về chậm khiến nhiều trường gặp khó khăn trong chi trả.",
            "phụ huynh phản ánh các khoản đóng góp đầu năm tăng khoảng {r}% so với năm trước.",
        ),
        (
            "Miễn học phí mà đầu năm vẫn đóng gần chục khoản, vậy là miễn cái gì?",
            "Quỹ lớp gì mà thu nhiều thế, phụ huynh nghèo lấy đâu ra.",
            "Trường con mình vẫn thu tiền học thêm bắt buộc, thật sự mệt.",
        ),
    ),
    "neutral": (
        ("Hướng dẫn thực hiện miễn học phí năm học mới", "Danh sách đối tượng được miễn học phí"),
        (
            "chính sách miễn học phí áp dụng cho học sinh từ mầm non đến trung học phổ thông công lập.",
            "các trường được yêu cầu công khai các khoản thu ngay từ đầu năm học.",
            "kinh phí cấp bù học phí được phân bổ theo số học sinh thực tế của từng trường.",
            "toàn {p} có khoảng {n} học sinh thuộc diện được miễn học phí.",
        ),
        (
            "Năm học này học sinh trường công được miễn học phí, phụ huynh lưu ý nhé.",
            "Chia sẻ văn bản hướng dẫn về các khoản thu đầu năm học.",
            "Trường thông báo họp phụ huynh đầu năm vào sáng Chủ nhật.",
        ),
    ),
    "positive": (
        (
            "Miễn học phí: phụ huynh {p} bớt gánh nặng đầu năm học",
            "Hàng triệu học sinh được miễn học phí",
        ),
        (
            "chính sách miễn học phí giúp nhiều gia đình ở {p} giảm đáng kể chi phí đầu năm học.",
            "tỷ lệ học sinh đến trường ở vùng khó khăn tăng rõ rệt sau khi được miễn học phí.",
            "nhiều phụ huynh bày tỏ vui mừng và cảm ơn chính sách nhân văn của Nhà nước.",
            "nhà trường đã hoàn trả đầy đủ các khoản đã thu trước khi có quyết định miễn học phí.",
        ),
        (
            "Năm nay được miễn học phí, nhà có ba đứa đi học đỡ được bao nhiêu.",
            "Chính sách miễn học phí quá ý nghĩa, cảm ơn Nhà nước.",
            "Trường đã trả lại tiền học phí đã thu, rất minh bạch.",
        ),
    ),
}

POLICY_PHRASES: dict[str, dict[str, PolicyPhrases]] = {
    "chuyen-doi-so-cap-xa": _DIGITAL,
    "ho-so-suc-khoe-dien-tu": _HEALTH,
    "nha-o-xa-hoi": _HOUSING,
    "dieu-hanh-gia-xang-dau": _FUEL,
    "ung-pho-bao-lu": _FLOOD,
    "chong-hang-gia": _COUNTERFEIT,
    "mien-hoc-phi": _TUITION,
}
