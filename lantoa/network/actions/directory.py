"""Writes to the directory: contacts, imports with merge, duplicates, lists, spokespersons."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, OrganizationType, User
from lantoa.network.actions._permissions import require
from lantoa.network.importing import (
    ContactRow,
    ImportPreview,
    normalize_phone,
    parse_contact_rows,
    read_table,
)
from lantoa.network.models import Contact, ContactKind, ContactList, ListKind
from lantoa.network.vocabulary import BEATS, PROVINCE_NAMES, from_tags, to_tags

__all__ = [
    "ImportPlan",
    "create_contact",
    "create_list",
    "export_rows",
    "find_duplicates",
    "import_contacts",
    "merge_contacts",
    "plan_import",
    "set_list_members",
    "set_spokesperson",
    "update_contact",
]

_CONTACT_FIELDS = (
    "kind",
    "full_name",
    "title",
    "outlet_id",
    "preferred_channel",
    "email",
    "phone",
    "notes",
    "consent",
    "is_active",
    "is_shared",
    "represents_id",
)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A validated file and, per valid row, the existing contact it merges into (or None)."""

    preview: ImportPreview
    merges: dict[int, int]  # line -> existing contact id

    @property
    def creates(self) -> int:
        return len(self.preview.rows) - len(self.merges)


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: value for key, value in fields.items() if key in _CONTACT_FIELDS}
    if "full_name" in cleaned and not str(cleaned["full_name"]).strip():
        raise ValueError(_("Họ và tên không được để trống."))
    if "phone" in cleaned:
        cleaned["phone"] = normalize_phone(cleaned["phone"])
    if "email" in cleaned:
        cleaned["email"] = str(cleaned["email"]).strip().lower()
    if "beats" in fields:
        unknown = [b for b in fields["beats"] if b not in BEATS]
        if unknown:
            raise ValueError(_("Lĩnh vực không hợp lệ: %s") % ", ".join(unknown))
        cleaned["beats"] = to_tags(list(fields["beats"]))
    if "provinces" in fields:
        unknown = [p for p in fields["provinces"] if p not in PROVINCE_NAMES]
        if unknown:
            raise ValueError(_("Địa bàn không hợp lệ: %s") % ", ".join(unknown))
        cleaned["provinces"] = to_tags(list(fields["provinces"]))
    return cleaned


def create_contact(user: User, owner: Organization, **fields: Any) -> Contact:
    require(user, "network.add_contact", owner)
    return Contact.objects.create(owner=owner, **_clean(fields))


def update_contact(user: User, contact: Contact, **fields: Any) -> Contact:
    require(user, "network.change_contact", contact.owner)
    cleaned = _clean(fields)
    for key, value in cleaned.items():
        setattr(contact, key, value)
    contact.save()
    return contact


def _outlet_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for pk, name, short_name in Organization.objects.filter(
        type=OrganizationType.PRESS
    ).values_list("pk", "name", "short_name"):
        names[name] = pk
        if short_name:
            names[short_name] = pk
    return names


def _existing_match(owner: Organization, row: ContactRow) -> int | None:
    condition = Q()
    if row.email:
        condition |= Q(email=row.email)
    if row.phone:
        condition |= Q(phone=row.phone)
    match = Contact.objects.filter(condition, owner=owner).order_by("id").first()
    return match.pk if match else None


def plan_import(user: User, owner: Organization, data: bytes, filename: str) -> ImportPlan:
    """Validate a file and find the existing contacts (same e-mail or phone) rows merge into.

    Raises ``UnreadableFile`` when the file is not a readable table.
    """
    require(user, "network.add_contact", owner)
    preview = parse_contact_rows(read_table(data, filename), outlets=_outlet_names())
    merges = {row.line: match for row in preview.rows if (match := _existing_match(owner, row))}
    return ImportPlan(preview=preview, merges=merges)


def _row_fields(row: ContactRow) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "full_name": row.full_name,
        "title": row.title,
        "outlet_id": row.outlet_id,
        "beats": to_tags(row.beats),
        "provinces": to_tags(row.provinces),
        "preferred_channel": row.preferred_channel,
        "email": row.email,
        "phone": row.phone,
        "notes": row.notes,
        "consent": row.consent,
        "is_active": row.is_active,
    }


def _merge_row(contact: Contact, row: ContactRow) -> None:
    # A merge keeps what the directory knows and fills in or updates what the file gives.
    for key, value in _row_fields(row).items():
        if value not in ("", None):
            setattr(contact, key, value)
    contact.save()


def import_contacts(user: User, owner: Organization, plan: ImportPlan) -> tuple[int, int]:
    """Apply a plan with no errors, all or nothing; returns (created, merged)."""
    require(user, "network.add_contact", owner)
    if not plan.preview.ok:
        raise ValueError(_("Tệp còn lỗi: sửa hết lỗi rồi nhập lại, chưa có dòng nào được nhập."))
    with transaction.atomic():
        existing = Contact.objects.select_for_update().in_bulk(plan.merges.values())
        new = []
        for row in plan.preview.rows:
            if row.line in plan.merges:
                _merge_row(existing[plan.merges[row.line]], row)
            else:
                new.append(Contact(owner=owner, **_row_fields(row)))
        Contact.objects.bulk_create(new)
    return len(new), len(plan.merges)


def export_rows(contacts: Iterable[Contact]) -> Iterable[list[str]]:
    kind_labels = {value: str(label) for value, label in ContactKind.choices}
    channel_labels = {"email": "Thư điện tử", "phone": "Điện thoại", "messaging": "Zalo"}
    for contact in contacts:
        yield [
            contact.full_name,
            kind_labels[contact.kind],
            contact.title,
            contact.outlet.name if contact.outlet else "",
            "; ".join(BEATS[slug] for slug in from_tags(contact.beats) if slug in BEATS),
            "; ".join(PROVINCE_NAMES.get(code, code) for code in from_tags(contact.provinces)),
            channel_labels.get(contact.preferred_channel, ""),
            contact.email,
            contact.phone,
            contact.notes,
            "có" if contact.consent else "không",
            "có" if contact.is_active else "không",
        ]


def find_duplicates(contacts: Iterable[Contact]) -> list[list[Contact]]:
    """Groups of contacts sharing an e-mail address or a phone number (union of both)."""
    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        while parent.setdefault(pk, pk) != pk:
            pk = parent[pk]
        return pk

    first_by_key: dict[tuple[str, str], int] = {}
    by_id = {}
    for contact in contacts:
        by_id[contact.pk] = contact
        root(contact.pk)
        for key in (("email", contact.email), ("phone", contact.phone)):
            if not key[1]:
                continue
            if key in first_by_key:
                parent[root(contact.pk)] = root(first_by_key[key])
            else:
                first_by_key[key] = contact.pk
    groups: dict[int, list[Contact]] = {}
    for pk, contact in by_id.items():
        groups.setdefault(root(pk), []).append(contact)
    return [group for group in groups.values() if len(group) > 1]


def merge_contacts(user: User, keep: Contact, duplicate: Contact) -> Contact:
    """Fold ``duplicate`` into ``keep``: empty fields filled, lists and questions moved."""
    require(user, "network.change_contact", keep.owner)
    require(user, "network.change_contact", duplicate.owner)
    if keep.pk == duplicate.pk:
        raise ValueError(_("Không thể gộp một đầu mối với chính nó."))
    with transaction.atomic():
        for field in ("title", "email", "phone", "notes", "beats", "provinces"):
            if not getattr(keep, field):
                setattr(keep, field, getattr(duplicate, field))
        for field in ("outlet_id", "represents_id", "user_id"):
            if getattr(keep, field) is None:
                setattr(keep, field, getattr(duplicate, field))
        keep.consent = keep.consent or duplicate.consent
        user_id, duplicate.user_id = duplicate.user_id, None
        duplicate.save(update_fields=["user"])
        keep.user_id = keep.user_id or user_id
        keep.save()
        for contact_list in duplicate.lists.all():
            contact_list.members.add(keep)
        duplicate.questions.update(journalist=keep)
        if duplicate.deliveries.exists():
            # Delivery history stays attached to the record it was sent to; keep it readable.
            duplicate.is_active = False
            duplicate.notes = (duplicate.notes + "\n" if duplicate.notes else "") + _(
                "Đã gộp vào đầu mối #%d."
            ) % keep.pk
            duplicate.save(update_fields=["is_active", "notes"])
        else:
            duplicate.delete()
    return keep


def _clean_criteria(criteria: dict[str, Any]) -> dict[str, Any]:
    allowed = {"kinds", "beats", "provinces", "outlet_ids"}
    unknown = set(criteria) - allowed
    if unknown:
        raise ValueError(_("Điều kiện không hợp lệ: %s") % ", ".join(sorted(unknown)))
    cleaned = {key: list(value) for key, value in criteria.items() if value}
    if bad := [b for b in cleaned.get("beats", []) if b not in BEATS]:
        raise ValueError(_("Lĩnh vực không hợp lệ: %s") % ", ".join(bad))
    if bad := [p for p in cleaned.get("provinces", []) if p not in PROVINCE_NAMES]:
        raise ValueError(_("Địa bàn không hợp lệ: %s") % ", ".join(bad))
    if bad := [k for k in cleaned.get("kinds", []) if k not in ContactKind.values]:
        raise ValueError(_("Vai trò không hợp lệ: %s") % ", ".join(bad))
    return cleaned


def create_list(
    user: User,
    owner: Organization,
    *,
    name: str,
    kind: ListKind,
    is_shared: bool = False,
    criteria: dict[str, Any] | None = None,
) -> ContactList:
    require(user, "network.add_contactlist", owner)
    if not name.strip():
        raise ValueError(_("Tên danh sách không được để trống."))
    cleaned = _clean_criteria(criteria or {}) if kind == ListKind.DYNAMIC else {}
    return ContactList.objects.create(
        owner=owner, name=name.strip(), kind=kind, is_shared=is_shared, criteria=cleaned
    )


def set_list_members(user: User, contact_list: ContactList, contacts: Iterable[Contact]) -> None:
    """Replace a static list's members; each must be a contact ``user`` reaches."""
    from lantoa.network.queries import visible_contacts

    require(user, "network.change_contactlist", contact_list.owner)
    if contact_list.kind != ListKind.STATIC:
        raise ValueError(_("Danh sách theo điều kiện không có thành viên cố định."))
    wanted = {contact.pk for contact in contacts}
    reachable = set(visible_contacts(user).filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - reachable:
        raise ValueError(_("Có đầu mối không thuộc danh bạ của bạn."))
    contact_list.members.set(wanted)


def set_spokesperson(
    user: User, organization: Organization, *, full_name: str, title: str, email: str, phone: str
) -> Contact:
    """The organisation's spokesperson, shown on its public page; only it (or above) may edit."""
    require(user, "network.change_contact", organization)
    if not full_name.strip():
        raise ValueError(_("Họ và tên không được để trống."))
    fields = _clean(
        {"full_name": full_name.strip(), "title": title.strip(), "email": email, "phone": phone}
    )
    with transaction.atomic():
        contact = (
            Contact.objects.select_for_update()
            .filter(represents=organization, kind=ContactKind.SPOKESPERSON)
            .first()
        )
        if contact is None:
            return Contact.objects.create(
                owner=organization,
                represents=organization,
                kind=ContactKind.SPOKESPERSON,
                is_shared=True,
                **fields,
            )
        for key, value in fields.items():
            setattr(contact, key, value)
        contact.save()
    return contact
