"""Pieces of the operator-facing fetch messages: sizes, durations, HTTP statuses, retries.

Messages are Vietnamese through gettext; numbers follow the active language's format
(``1,5 MB``, ``0,2 giây`` in Vietnamese).
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ["number", "size", "status_meaning", "with_attempts"]

# What the statuses that portals commonly answer mean to an officer.
_STATUS_MEANINGS = {
    400: gettext_noop("yêu cầu không hợp lệ"),
    401: gettext_noop("cần đăng nhập"),
    403: gettext_noop("bị từ chối truy cập"),
    404: gettext_noop("không tìm thấy"),
    410: gettext_noop("đã bị gỡ bỏ"),
    500: gettext_noop("lỗi nội bộ của máy chủ"),
    502: gettext_noop("lỗi cổng trung gian"),
    503: gettext_noop("máy chủ tạm ngừng phục vụ"),
    504: gettext_noop("cổng trung gian hết thời gian chờ"),
}
_CLASS_MEANINGS = {
    3: gettext_noop("chuyển hướng nhưng không có địa chỉ đích"),
    4: gettext_noop("yêu cầu bị từ chối"),
    5: gettext_noop("lỗi phía máy chủ"),
}


def number(value: float) -> str:
    """``value`` in the active language's format, without a decimal part when whole."""
    return number_format(int(value) if float(value).is_integer() else value)


def size(n_bytes: int) -> str:
    """A human size: bytes below 1 KB, whole KB below 1 MB, then MB with one decimal."""
    if n_bytes >= 1024 * 1024:
        return _("%(n)s MB") % {"n": number_format(n_bytes / 1024 / 1024, 1)}
    if n_bytes >= 1024:
        return _("%(n)s KB") % {"n": number_format(round(n_bytes / 1024))}
    return _("%(n)s byte") % {"n": number_format(n_bytes)}


def status_meaning(status: int) -> str:
    """What an HTTP status that is not a success means, in a few words."""
    meaning = _STATUS_MEANINGS.get(status) or _CLASS_MEANINGS.get(status // 100)
    return _(meaning) if meaning else _("phản hồi không dùng được")


def with_attempts(message: str, attempts: int) -> str:
    """``message``, noting how many attempts it took when there was more than one."""
    if attempts <= 1:
        return message
    return _("%(message)s sau %(attempts)d lần thử") % {"message": message, "attempts": attempts}
