"""Writes to sources go through these functions: they check agency scoping, then write."""

import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.content.urls_canonical import InvalidUrlError, canonicalize_url
from lantoa.sources.models import Source, SourceKind, SourceStatus

__all__ = ["SourceInput", "add_source", "rename_source", "set_source_status"]

MIN_INTERVAL_MINUTES = 5
_WEB_KINDS = {SourceKind.RSS, SourceKind.SITE, SourceKind.URL}


@dataclass(frozen=True, kw_only=True)
class SourceInput:
    """What an officer or operator gives to add a source."""

    kind: SourceKind
    url: str
    name: str = ""
    interval_minutes: int = 30
    is_shared: bool = False
    url_patterns: tuple[str, ...] = ()  # regular expressions article URLs must match (site)
    platform: str | None = None


def _clean_url(spec: SourceInput) -> str:
    if spec.kind not in _WEB_KINDS:
        if not spec.url.strip():
            raise ValueError(_("Cần tên kênh cho nguồn tệp hoặc API."))
        return spec.url.strip()
    try:
        return canonicalize_url(spec.url)
    except InvalidUrlError:
        raise ValueError(
            _("Địa chỉ không hợp lệ: %(url)s (cần http:// hoặc https://).") % {"url": spec.url}
        ) from None


def _valid_patterns(patterns: tuple[str, ...]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(
                _("Mẫu URL không hợp lệ %(p)r: %(e)s") % {"p": pattern, "e": error}
            ) from None
    return list(patterns)


def add_source(user: User | None, owner: Organization, spec: SourceInput) -> Source:
    """Create a source; ``user`` None means a trusted operator (the command line)."""
    if user is not None and not (user.has_perm("sources.add_source") and can_manage(user, owner)):
        raise PermissionDenied(_("Bạn không có quyền thêm nguồn tin cho đơn vị này."))
    if spec.interval_minutes < MIN_INTERVAL_MINUTES:
        raise ValueError(_("Chu kỳ quét tối thiểu là %(n)d phút.") % {"n": MIN_INTERVAL_MINUTES})
    url = _clean_url(spec)
    options: dict[str, object] = {}
    if spec.url_patterns:
        options["include"] = _valid_patterns(spec.url_patterns)
    if spec.platform:
        options["platform"] = spec.platform
    try:
        with transaction.atomic():
            return Source.objects.create(
                owner=owner,
                kind=spec.kind,
                url=url,
                name=spec.name.strip() or url,
                interval_minutes=spec.interval_minutes,
                is_shared=spec.is_shared,
                options=options,
                next_poll_at=timezone.now(),
            )
    except IntegrityError:
        raise ValueError(_("Đơn vị đã có nguồn này: %(url)s") % {"url": url}) from None


def _check_can_change(user: User, source: Source) -> None:
    if not (user.has_perm("sources.change_source") and can_manage(user, source.owner)):
        raise PermissionDenied(_("Bạn không có quyền sửa nguồn tin của đơn vị khác."))


def rename_source(user: User, source: Source, name: str) -> Source:
    _check_can_change(user, source)
    cleaned = name.strip()
    if not cleaned:
        raise ValueError(_("Tên nguồn không được để trống."))
    source.name = cleaned
    source.save(update_fields=["name"])
    return source


def set_source_status(user: User, source: Source, status: SourceStatus) -> Source:
    """Pause or resume; resuming clears the failure streak so the source is polled again."""
    _check_can_change(user, source)
    source.status = status
    fields = ["status"]
    if status == SourceStatus.ACTIVE:
        source.consecutive_failures = 0
        fields.append("consecutive_failures")
    source.save(update_fields=fields)
    return source
