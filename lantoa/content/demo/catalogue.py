"""The fixed cast of the demo corpus: policies, sources, provinces and author names.

Everything here is fictitious but plausible. Sources live on the reserved ``.invalid`` top-level
domain under ``demo.lantoa.invalid`` and every source name contains "mẫu", so no demo row can be
mistaken for a real outlet. Provinces and ministries are the units in force since 1 July 2025.
"""

from dataclasses import dataclass

__all__ = [
    "DemoPolicy",
    "DemoProvince",
    "DemoSource",
    "demo_policies",
    "demo_provinces",
    "demo_sources",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPolicy:
    """A policy the demo corpus talks about.

    ``subject`` is the noun phrase the phrase banks slot in after "triển khai", "về" or as an
    object ("triển khai chính sách nhà ở xã hội"); ``hashtag`` is the tag social posts use;
    ``field`` is the news field its items belong to (a label of the field model); ``query``
    is how an officer would follow it as a monitoring topic.
    """

    slug: str
    name: str
    lead_agency: str
    keywords: tuple[str, ...]
    subject: str
    hashtag: str
    field: str
    query: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoSource:
    """A fictitious source: ``kind`` is "rss" (news outlet), "site" (provincial portal) or
    "file" (a social-media export; ``platform`` names the network). ``province`` is set for
    provincial portals only."""

    key: str
    name: str
    kind: str
    url: str
    platform: str | None = None
    province: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoProvince:
    """A current provincial-level unit: ``name`` as in the 2025 reference list, ``phrase`` as a
    text names it after "tại", "ở" or "chính quyền" ("tỉnh Nghệ An", "Hà Nội"), ``weight`` its
    relative share of the news."""

    name: str
    phrase: str
    weight: int


_POLICIES = (
    DemoPolicy(
        slug="chuyen-doi-so-cap-xa",
        name="Chuyển đổi số và dịch vụ công trực tuyến cấp xã",
        lead_agency="Bộ Khoa học và Công nghệ",
        keywords=("chuyển đổi số", "dịch vụ công trực tuyến", "cấp xã", "chính quyền hai cấp"),
        subject="chuyển đổi số và dịch vụ công trực tuyến cấp xã",
        hashtag="#chuyendoiso",
        field="Vi tinh",
        query='"chuyển đổi số" OR "dịch vụ công trực tuyến"',
    ),
    DemoPolicy(
        slug="ho-so-suc-khoe-dien-tu",
        name="Hồ sơ sức khỏe điện tử",
        lead_agency="Bộ Y tế",
        keywords=("hồ sơ sức khỏe điện tử", "bệnh án điện tử", "khám chữa bệnh", "VNeID"),
        subject="hồ sơ sức khỏe điện tử",
        hashtag="#hososuckhoedientu",
        field="Suc khoe",
        query='"hồ sơ sức khỏe điện tử" OR "bệnh án điện tử"',
    ),
    DemoPolicy(
        slug="nha-o-xa-hoi",
        name="Phát triển nhà ở xã hội",
        lead_agency="Bộ Xây dựng",
        keywords=("nhà ở xã hội", "người thu nhập thấp", "công nhân", "vay ưu đãi"),
        subject="chính sách nhà ở xã hội",
        hashtag="#nhaoxahoi",
        field="Doi song",
        query='"nhà ở xã hội"',
    ),
    DemoPolicy(
        slug="dieu-hanh-gia-xang-dau",
        name="Điều hành giá xăng dầu",
        lead_agency="Bộ Công Thương",
        keywords=("giá xăng", "xăng dầu", "quỹ bình ổn giá", "kỳ điều hành"),
        subject="cơ chế điều hành giá xăng dầu",
        hashtag="#giaxang",
        field="Kinh doanh",
        query='"giá xăng" OR "xăng dầu"',
    ),
    DemoPolicy(
        slug="ung-pho-bao-lu",
        name="Ứng phó bão lũ và phòng chống thiên tai",
        lead_agency="Bộ Nông nghiệp và Môi trường",
        keywords=("bão", "lũ", "sạt lở", "sơ tán", "phòng chống thiên tai"),
        subject="công tác ứng phó bão lũ",
        hashtag="#baolu",
        field="Chinh tri Xa hoi",
        query='"bão lũ" OR "sạt lở" OR "sơ tán" OR "phòng chống thiên tai"',
    ),
    DemoPolicy(
        slug="chong-hang-gia",
        name="Đấu tranh chống buôn lậu, hàng giả",
        lead_agency="Bộ Công Thương",
        keywords=("hàng giả", "hàng nhái", "buôn lậu", "quản lý thị trường"),
        subject="công tác chống buôn lậu, hàng giả",
        hashtag="#chonghanggia",
        field="Phap luat",
        query='"hàng giả" OR "hàng nhái" OR "buôn lậu"',
    ),
    DemoPolicy(
        slug="mien-hoc-phi",
        name="Miễn học phí cho học sinh phổ thông",
        lead_agency="Bộ Giáo dục và Đào tạo",
        keywords=("miễn học phí", "học sinh", "năm học mới", "hỗ trợ học tập"),
        subject="chính sách miễn học phí",
        hashtag="#mienhocphi",
        field="Chinh tri Xa hoi",
        query='"miễn học phí"',
    ),
)

_CITIES = (
    ("Hà Nội", "Hà Nội", 9),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", 9),
    ("Hải Phòng", "thành phố Hải Phòng", 3),
    ("Đà Nẵng", "thành phố Đà Nẵng", 3),
    ("Cần Thơ", "thành phố Cần Thơ", 2),
    ("Huế", "thành phố Huế", 2),
)

_BIG_PROVINCES = ("Thanh Hóa", "Nghệ An", "Đồng Nai", "Bắc Ninh", "Gia Lai", "Lâm Đồng")

_OTHER_PROVINCES = (
    "Cao Bằng",
    "Điện Biên",
    "Lai Châu",
    "Lạng Sơn",
    "Quảng Ninh",
    "Sơn La",
    "Hà Tĩnh",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Đắk Lắk",
    "Khánh Hòa",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)

_PROVINCES = (
    *(DemoProvince(name=name, phrase=phrase, weight=weight) for name, phrase, weight in _CITIES),
    *(DemoProvince(name=name, phrase=f"tỉnh {name}", weight=2) for name in _BIG_PROVINCES),
    *(DemoProvince(name=name, phrase=f"tỉnh {name}", weight=1) for name in _OTHER_PROVINCES),
)


def _outlet(number: int, name: str) -> DemoSource:
    return DemoSource(
        key=f"bao-mau-{number}",
        name=name,
        kind="rss",
        url=f"https://bao-mau-{number}.demo.lantoa.invalid/",
    )


def _portal(number: int, province: str) -> DemoSource:
    return DemoSource(
        key=f"cong-mau-{number}",
        name=f"Cổng thông tin mẫu {province}",
        kind="site",
        url=f"https://cong-mau-{number}.demo.lantoa.invalid/",
        province=province,
    )


def _social(platform: str, name: str) -> DemoSource:
    return DemoSource(
        key=f"{platform}-mau",
        name=name,
        kind="file",
        url=f"https://{platform}-mau.demo.lantoa.invalid/",
        platform=platform,
    )


_SOURCES = (
    _outlet(1, "Báo Mẫu Thời Sự"),
    _outlet(2, "Báo Mẫu Kinh Tế"),
    _outlet(3, "Báo Mẫu Đời Sống"),
    _outlet(4, "Tạp chí Mẫu Pháp Luật"),
    _outlet(5, "Báo điện tử Mẫu Tin Nhanh"),
    _outlet(6, "Báo Mẫu Nông Thôn"),
    _portal(1, "Thanh Hóa"),
    _portal(2, "Nghệ An"),
    _portal(3, "Đồng Nai"),
    _portal(4, "Cần Thơ"),
    _social("facebook", "Facebook – Nhóm mẫu Cư dân mạng"),
    _social("youtube", "YouTube – Kênh mẫu Thời sự 24h"),
    _social("tiktok", "TikTok – Tài khoản mẫu Tin nóng"),
    _social("zalo", "Zalo OA – Mẫu Phản ánh hiện trường"),
)


def demo_policies() -> tuple[DemoPolicy, ...]:
    """Return the demo policies, in a fixed order."""
    return _POLICIES


def demo_sources() -> tuple[DemoSource, ...]:
    """Return the demo sources, in a fixed order; keys and URLs are unique."""
    return _SOURCES


def demo_provinces() -> tuple[DemoProvince, ...]:
    """Return the 34 provincial-level units in force since 1 July 2025."""
    return _PROVINCES
