"""Fictitious author names: pen names for press and portal articles, account names for social
media. Built from common given names and family names so they read naturally; the pool of social
accounts is small enough that the same accounts post repeatedly (network analysis needs that).
"""

from itertools import product

from lantoa.core.folding import fold

__all__ = ["PEN_NAMES", "SOCIAL_ACCOUNTS"]

_GIVEN_NAMES = (
    "Minh Anh",
    "Thu Hà",
    "Quang Huy",
    "Hoài Nam",
    "Ngọc Lan",
    "Đức Thịnh",
    "Thanh Tùng",
    "Phương Thảo",
    "Bảo Ngọc",
    "Hải Đăng",
    "Khánh Linh",
    "Tuấn Kiệt",
    "Mai Phương",
    "Gia Bảo",
    "Thu Trang",
    "Văn Long",
)

_FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")

PEN_NAMES = _GIVEN_NAMES

SOCIAL_ACCOUNTS = (
    *(f"{family} {given}" for family, given in product(_FAMILY_NAMES, _GIVEN_NAMES)),
    *(
        f"{fold(given).replace(' ', '')}.{fold(family)}{number}"
        for (family, given), number in zip(
            product(_FAMILY_NAMES, _GIVEN_NAMES), range(88, 88 + 128), strict=True
        )
    ),
)
