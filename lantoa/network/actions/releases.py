"""The release workflow: an officer drafts and submits, a leader (someone else) approves."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.network.actions._permissions import require
from lantoa.network.models import Release, ReleaseAttachment, ReleaseStatus

__all__ = [
    "add_attachment",
    "approve_release",
    "create_release",
    "return_to_draft",
    "submit_release",
    "update_release",
]

_EDITABLE = ("title", "summary", "body", "topic", "embargo_until", "is_public")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: value for key, value in fields.items() if key in _EDITABLE}
    for key in ("title", "body"):
        if key in cleaned and not str(cleaned[key]).strip():
            raise ValueError(_("Tiêu đề và nội dung không được để trống."))
    embargo = cleaned.get("embargo_until")
    if isinstance(embargo, datetime) and timezone.is_naive(embargo):
        raise ValueError(_("Thời điểm cấm đăng phải có múi giờ."))
    return cleaned


def create_release(user: User, owner: Organization, **fields: Any) -> Release:
    require(user, "network.add_release", owner)
    cleaned = _clean(fields)
    if not cleaned.get("title") or not cleaned.get("body"):
        raise ValueError(_("Tiêu đề và nội dung không được để trống."))
    return Release.objects.create(owner=owner, created_by=user, **cleaned)


def update_release(user: User, release: Release, **fields: Any) -> Release:
    require(user, "network.change_release", release.owner)
    if release.status != ReleaseStatus.DRAFT:
        raise ValueError(_("Chỉ sửa được bản nháp; trả về bản nháp trước khi sửa."))
    for key, value in _clean(fields).items():
        setattr(release, key, value)
    release.save()
    return release


def add_attachment(user: User, release: Release, upload: UploadedFile) -> ReleaseAttachment:
    require(user, "network.change_release", release.owner)
    if release.status != ReleaseStatus.DRAFT:
        raise ValueError(_("Chỉ thêm tệp vào bản nháp."))
    name = upload.name or "tep-dinh-kem"
    return ReleaseAttachment.objects.create(release=release, file=upload, name=name[:255])


def _move(release: Release, expected: str, new: str, **fields: Any) -> Release:
    # Conditional UPDATE: two leaders clicking "approve" at once approve it once.
    changed = Release.objects.filter(pk=release.pk, status=expected).update(status=new, **fields)
    if changed != 1:
        raise ValueError(_("Thông cáo không còn ở trạng thái này; tải lại trang."))
    release.refresh_from_db()
    return release


def submit_release(user: User, release: Release) -> Release:
    require(user, "network.change_release", release.owner)
    return _move(release, ReleaseStatus.DRAFT, ReleaseStatus.SUBMITTED)


def return_to_draft(user: User, release: Release) -> Release:
    """A leader sends a submitted release back; approved ones stay (they may be out)."""
    require(user, "network.approve_release", release.owner)
    return _move(release, ReleaseStatus.SUBMITTED, ReleaseStatus.DRAFT)


def approve_release(user: User, release: Release) -> Release:
    """Second step of the two-step rule: the approver may not be the drafter."""
    require(user, "network.approve_release", release.owner)
    if release.created_by_id == user.pk:
        raise PermissionDenied(_("Người soạn không được tự duyệt thông cáo của mình."))
    with transaction.atomic():
        return _move(
            release,
            ReleaseStatus.SUBMITTED,
            ReleaseStatus.APPROVED,
            approved_by=user,
            approved_at=timezone.now(),
        )
