"""Public bodies in force since 1 July 2025: the 34 provincial-level units and the Government.

Sources: Resolution 202/2025/QH15 (provincial mergers) and the Government's 2025 restructuring
(14 ministries, 3 ministry-level agencies). Texts written before July 2025 still use the 63
former provinces, so ``FORMER_PROVINCES`` maps each to the unit it belongs to today.
"""

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FORMER_PROVINCES",
    "GOVERNMENT_BODIES",
    "PROVINCES",
    "GovernmentBody",
    "Province",
    "current_province",
]


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    code: str
    kind: Literal["city", "province"]
    merged_from: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return (
            self.name
            if self.name.startswith("Thành phố")
            else (f"Thành phố {self.name}" if self.kind == "city" else f"Tỉnh {self.name}")
        )


@dataclass(frozen=True, slots=True)
class GovernmentBody:
    name: str
    code: str
    kind: Literal["ministry", "agency"]


PROVINCES: tuple[Province, ...] = (
    Province("Hà Nội", "HN", "city"),
    Province("Thành phố Hồ Chí Minh", "HCM", "city", ("Bình Dương", "Bà Rịa – Vũng Tàu")),
    Province("Hải Phòng", "HP", "city", ("Hải Dương",)),
    Province("Đà Nẵng", "DN", "city", ("Quảng Nam",)),
    Province("Cần Thơ", "CT", "city", ("Sóc Trăng", "Hậu Giang")),
    Province("Huế", "HUE", "city"),
    Province("Cao Bằng", "CB", "province"),
    Province("Điện Biên", "DB", "province"),
    Province("Lai Châu", "LCH", "province"),
    Province("Lạng Sơn", "LS", "province"),
    Province("Quảng Ninh", "QNI", "province"),
    Province("Sơn La", "SL", "province"),
    Province("Thanh Hóa", "TH", "province"),
    Province("Nghệ An", "NA", "province"),
    Province("Hà Tĩnh", "HT", "province"),
    Province("Tuyên Quang", "TQ", "province", ("Hà Giang",)),
    Province("Lào Cai", "LC", "province", ("Yên Bái",)),
    Province("Thái Nguyên", "TN", "province", ("Bắc Kạn",)),
    Province("Phú Thọ", "PT", "province", ("Vĩnh Phúc", "Hòa Bình")),
    Province("Bắc Ninh", "BN", "province", ("Bắc Giang",)),
    Province("Hưng Yên", "HY", "province", ("Thái Bình",)),
    Province("Ninh Bình", "NB", "province", ("Hà Nam", "Nam Định")),
    Province("Quảng Trị", "QT", "province", ("Quảng Bình",)),
    Province("Quảng Ngãi", "QNG", "province", ("Kon Tum",)),
    Province("Gia Lai", "GL", "province", ("Bình Định",)),
    Province("Đắk Lắk", "DL", "province", ("Phú Yên",)),
    Province("Khánh Hòa", "KH", "province", ("Ninh Thuận",)),
    Province("Lâm Đồng", "LD", "province", ("Đắk Nông", "Bình Thuận")),
    Province("Đồng Nai", "DNA", "province", ("Bình Phước",)),
    Province("Tây Ninh", "TNI", "province", ("Long An",)),
    Province("Vĩnh Long", "VL", "province", ("Bến Tre", "Trà Vinh")),
    Province("Đồng Tháp", "DT", "province", ("Tiền Giang",)),
    Province("Cà Mau", "CM", "province", ("Bạc Liêu",)),
    Province("An Giang", "AG", "province", ("Kiên Giang",)),
)

# Thừa Thiên Huế became the centrally-run city of Huế in January 2025.
_RENAMED = {"Thừa Thiên Huế": "Huế", "Thừa Thiên - Huế": "Huế"}

FORMER_PROVINCES: dict[str, str] = {
    **{p.name: p.name for p in PROVINCES},
    **{former: p.name for p in PROVINCES for former in p.merged_from},
    **_RENAMED,
}

GOVERNMENT_BODIES: tuple[GovernmentBody, ...] = (
    GovernmentBody("Bộ Quốc phòng", "BQP", "ministry"),
    GovernmentBody("Bộ Công an", "BCA", "ministry"),
    GovernmentBody("Bộ Ngoại giao", "BNG", "ministry"),
    GovernmentBody("Bộ Nội vụ", "BNV", "ministry"),
    GovernmentBody("Bộ Tư pháp", "BTP", "ministry"),
    GovernmentBody("Bộ Tài chính", "BTC", "ministry"),
    GovernmentBody("Bộ Công Thương", "BCT", "ministry"),
    GovernmentBody("Bộ Nông nghiệp và Môi trường", "BNNMT", "ministry"),
    GovernmentBody("Bộ Xây dựng", "BXD", "ministry"),
    GovernmentBody("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", "ministry"),
    GovernmentBody("Bộ Khoa học và Công nghệ", "BKHCN", "ministry"),
    GovernmentBody("Bộ Giáo dục và Đào tạo", "BGDDT", "ministry"),
    GovernmentBody("Bộ Y tế", "BYT", "ministry"),
    GovernmentBody("Bộ Dân tộc và Tôn giáo", "BDTTG", "ministry"),
    GovernmentBody("Văn phòng Chính phủ", "VPCP", "agency"),
    GovernmentBody("Thanh tra Chính phủ", "TTCP", "agency"),
    GovernmentBody("Ngân hàng Nhà nước Việt Nam", "NHNN", "agency"),
)


def current_province(name: str) -> str | None:
    """The current provincial unit for a current or former province name, else None."""
    cleaned = name.strip()
    for prefix in ("Thành phố ", "Tỉnh ", "TP. ", "TP "):
        if cleaned.startswith(prefix) and cleaned != "Thành phố Hồ Chí Minh":
            cleaned = cleaned[len(prefix) :]
    if cleaned in {"Hồ Chí Minh", "TP.HCM", "TPHCM", "Sài Gòn"}:
        return "Thành phố Hồ Chí Minh"
    return FORMER_PROVINCES.get(cleaned)
