"""A realistic draft decree in two versions, used by the splitter, carry-over and end-to-end tests.

Version 2 inserts a new Điều 3, so the old Điều 3–5 become Điều 4–6; the old Điều 4 khoản 2 is
reworded; the old Điều 5 khoản 3 is deleted.
"""

DRAFT_V1 = """CHÍNH PHỦ
Số: …/2025/NĐ-CP
DỰ THẢO
NGHỊ ĐỊNH
Quy định về quản lý hoạt động xe đạp điện công cộng tại đô thị
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về cấp phép, vận hành và giám sát dịch vụ xe đạp điện công cộng tại các đô thị loại I trở lên.
Điều 2. Đối tượng áp dụng
1. Doanh nghiệp, hợp tác xã kinh doanh dịch vụ xe đạp điện công cộng.
2. Cơ quan, tổ chức, cá nhân có liên quan đến việc thuê và sử dụng xe đạp điện công cộng.
Chương II
CẤP PHÉP VÀ VẬN HÀNH
Mục 1
CẤP PHÉP
Điều 3. Điều kiện cấp giấy phép
1. Doanh nghiệp phải có vốn điều lệ tối thiểu năm tỷ đồng.
2. Có phương án bố trí trạm đỗ xe được Ủy ban nhân dân cấp tỉnh chấp thuận, gồm:
a) Vị trí trạm đỗ không lấn chiếm lòng đường, vỉa hè dành cho người đi bộ;
b) Mỗi trạm đỗ có tối thiểu mười vị trí sạc điện;
c) Có camera giám sát kết nối với trung tâm điều hành giao thông.
3. Có phần mềm quản lý cho phép người thuê tra cứu giá thuê trước khi mở khóa xe.
Mục 2
VẬN HÀNH
Điều 4. Trách nhiệm của doanh nghiệp vận hành
1. Bảo đảm xe đạt tiêu chuẩn an toàn kỹ thuật và được bảo dưỡng định kỳ ba tháng một lần.
2. Mua bảo hiểm trách nhiệm dân sự cho người thuê xe trong suốt thời gian thuê.
3. Công khai giá thuê, phương thức thanh toán và số điện thoại đường dây nóng tại mỗi trạm đỗ.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 5. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.
2. Các doanh nghiệp đang hoạt động phải hoàn thành thủ tục cấp phép trong thời hạn mười hai tháng.
3. Bộ Xây dựng hướng dẫn thi hành Nghị định này.
"""

DRAFT_V2 = """CHÍNH PHỦ
Số: …/2025/NĐ-CP
DỰ THẢO
NGHỊ ĐỊNH
Quy định về quản lý hoạt động xe đạp điện công cộng tại đô thị
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về cấp phép, vận hành và giám sát dịch vụ xe đạp điện công cộng tại các đô thị loại I trở lên.
Điều 2. Đối tượng áp dụng
1. Doanh nghiệp, hợp tác xã kinh doanh dịch vụ xe đạp điện công cộng.
2. Cơ quan, tổ chức, cá nhân có liên quan đến việc thuê và sử dụng xe đạp điện công cộng.
Điều 3. Giải thích từ ngữ
1. Xe đạp điện công cộng là xe đạp có động cơ điện được cho thuê theo lượt qua ứng dụng.
2. Trạm đỗ là vị trí được cấp phép để đỗ, sạc và trả xe.
Chương II
CẤP PHÉP VÀ VẬN HÀNH
Mục 1
CẤP PHÉP
Điều 4. Điều kiện cấp giấy phép
1. Doanh nghiệp phải có vốn điều lệ tối thiểu năm tỷ đồng.
2. Có phương án bố trí trạm đỗ xe được Ủy ban nhân dân cấp tỉnh chấp thuận, gồm:
a) Vị trí trạm đỗ không lấn chiếm lòng đường, vỉa hè dành cho người đi bộ;
b) Mỗi trạm đỗ có tối thiểu mười vị trí sạc điện;
c) Có camera giám sát kết nối với trung tâm điều hành giao thông.
3. Có phần mềm quản lý cho phép người thuê tra cứu giá thuê trước khi mở khóa xe.
Mục 2
VẬN HÀNH
Điều 5. Trách nhiệm của doanh nghiệp vận hành
1. Bảo đảm xe đạt tiêu chuẩn an toàn kỹ thuật và được bảo dưỡng định kỳ ba tháng một lần.
2. Mua bảo hiểm trách nhiệm dân sự bắt buộc cho người thuê xe trong suốt thời gian thuê và khi dắt xe về trạm.
3. Công khai giá thuê, phương thức thanh toán và số điện thoại đường dây nóng tại mỗi trạm đỗ.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 6. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.
2. Các doanh nghiệp đang hoạt động phải hoàn thành thủ tục cấp phép trong thời hạn mười hai tháng.
"""
