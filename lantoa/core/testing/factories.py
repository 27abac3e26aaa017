"""Factories for tests: each builds one valid object with sensible defaults, overridable by keyword."""

import hashlib
import itertools
from datetime import datetime
from typing import Any

from django.contrib.auth.models import Group
from django.utils import timezone

from lantoa.accounts.models import Organization, OrganizationType, Role, User
from lantoa.accounts.roles import ensure_roles
from lantoa.content.models import Item
from lantoa.sources.models import Source, SourceKind

_sequence = itertools.count(1)


def make_organization(**fields: Any) -> Organization:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "name": f"Tổ chức thử nghiệm {n}",
        "code": f"to-chuc-{n}",
        "type": OrganizationType.PROVINCE,
    }
    return Organization.objects.create(**{**defaults, **fields})


def make_user(
    *, role: Role = Role.OFFICER, organization: Organization | None, **fields: Any
) -> User:
    ensure_roles()
    n = next(_sequence)
    user = User.objects.create_user(
        username=fields.pop("username", f"nguoi-dung-{n}"),
        password=fields.pop("password", "mat-khau-thu-nghiem"),
        organization=organization,
        **fields,
    )
    user.groups.add(Group.objects.get(name=role.value))
    return user


def make_source(*, owner: Organization, **fields: Any) -> Source:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "name": f"Báo thử nghiệm {n}",
        "kind": SourceKind.RSS,
        "url": f"https://bao-thu-{n}.lantoa.invalid/rss",
    }
    return Source.objects.create(owner=owner, **{**defaults, **fields})


def make_item(*, source: Source, **fields: Any) -> Item:
    n = next(_sequence)
    text = fields.pop("text", f"Nội dung tin bài thử nghiệm số {n} về chuyển đổi số.")
    defaults: dict[str, Any] = {
        "external_id": f"https://bao-thu.lantoa.invalid/bai-{n}",
        "url": f"https://bao-thu.lantoa.invalid/bai-{n}",
        "canonical_url": f"https://bao-thu.lantoa.invalid/bai-{n}",
        "title": f"Tin thử nghiệm số {n}",
        "published_at": timezone.make_aware(datetime(2026, 11, 20, 8, 30)),
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
    }
    return Item.objects.create(source=source, text=text, **{**defaults, **fields})
