"""Directory: scoping, import with preview and per-row errors, duplicates and merge."""

import pytest
from django.core.exceptions import PermissionDenied

from lantoa.accounts.models import Role
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.network.actions.directory import (
    create_list,
    export_rows,
    find_duplicates,
    import_contacts,
    merge_contacts,
    plan_import,
    set_spokesperson,
)
from lantoa.network.importing import UnreadableFile, read_table, write_csv
from lantoa.network.models import Contact, ContactKind, ListKind
from lantoa.network.queries import list_recipients, visible_contacts
from lantoa.network.tests.factories import journalist_rows, make_contact, make_outlet, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_officer_sees_own_and_shared_contacts_but_not_another_provinces(
    personas: Personas,
) -> None:
    own = make_contact(owner=personas.hanoi)
    department = make_contact(owner=personas.hanoi_department)
    shared = make_contact(owner=personas.hue, is_shared=True)
    make_contact(owner=personas.hue)

    assert set(visible_contacts(personas.lan)) == {own, department, shared}
    assert set(visible_contacts(personas.binh)) == {shared} | set(
        Contact.objects.filter(owner=personas.hue)
    )
    assert visible_contacts(personas.minh).count() == 4


def test_import_of_200_rows_with_3_bad_rows_reports_them_and_imports_nothing(
    personas: Personas,
) -> None:
    make_outlet("Báo Sức khỏe thử nghiệm")
    rows = journalist_rows(200, outlet="Báo Sức khỏe thử nghiệm")
    rows[9][7] = "khong-phai-email"
    rows[49][5] = "Tỉnh Không Tồn Tại"
    rows[149][3] = "Báo Không Có"

    plan = plan_import(personas.lan, personas.hanoi, xlsx_bytes(rows), "nha-bao.xlsx")

    assert [(e.line, e.column) for e in plan.preview.errors] == [
        (11, "Thư điện tử"),
        (51, "Địa bàn"),
        (151, "Cơ quan báo chí"),
    ]
    with pytest.raises(ValueError, match="chưa có dòng nào được nhập"):
        import_contacts(personas.lan, personas.hanoi, plan)
    assert Contact.objects.count() == 0


def test_fixed_file_imports_all_rows_with_beats_and_provinces(personas: Personas) -> None:
    outlet = make_outlet("Báo Sức khỏe thử nghiệm")
    rows = journalist_rows(200, outlet="bao suc khoe thu nghiem")

    plan = plan_import(personas.lan, personas.hanoi, xlsx_bytes(rows), "nha-bao.xlsx")
    created, merged = import_contacts(personas.lan, personas.hanoi, plan)

    assert (created, merged) == (200, 0)
    third = Contact.objects.get(email="pv003@bao.lantoa.invalid")
    assert (third.beats, third.provinces, third.outlet_id) == ("|y-te|giao-duc|", "|HN|", outlet.pk)
    assert third.phone == "0900000003"
    assert third.consent is True


def test_reimport_merges_by_email_or_phone_instead_of_duplicating(personas: Personas) -> None:
    existing = make_contact(
        owner=personas.hanoi, full_name="Cũ", email="", phone="0900000001", title="Trưởng ban"
    )
    rows = journalist_rows(2, outlet="")
    rows[0][2] = ""

    plan = plan_import(personas.lan, personas.hanoi, write_csv(rows), "nha-bao.csv")
    assert plan.merges == {2: existing.pk}
    assert import_contacts(personas.lan, personas.hanoi, plan) == (1, 1)

    existing.refresh_from_db()
    assert (existing.full_name, existing.email, existing.title) == (
        "Phóng viên 001",
        "pv001@bao.lantoa.invalid",
        "Trưởng ban",
    )
    assert Contact.objects.count() == 2


def test_duplicate_rows_inside_one_file_are_errors(personas: Personas) -> None:
    rows = journalist_rows(3, outlet="")
    rows[2][7] = rows[0][7]

    plan = plan_import(personas.lan, personas.hanoi, write_csv(rows), "a.csv")

    assert [(e.line, e.message) for e in plan.preview.errors] == [(4, "Trùng với dòng 2.")]


def test_unreadable_files_are_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match="Chỉ nhận tệp"):
        read_table(b"x", "a.pdf")
    with pytest.raises(UnreadableFile, match="Thiếu cột"):
        read_table("Tên\nA\n".encode(), "a.csv")


def test_analyst_cannot_import_and_nothing_changes(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        plan_import(personas.ha, personas.hanoi_department, write_csv([]), "a.csv")
    assert Contact.objects.count() == 0


def test_export_round_trips_through_import(personas: Personas) -> None:
    make_outlet("Báo Sức khỏe thử nghiệm")
    rows = journalist_rows(6, outlet="Báo Sức khỏe thử nghiệm")
    import_contacts(
        personas.lan,
        personas.hanoi,
        plan_import(personas.lan, personas.hanoi, xlsx_bytes(rows), "a.xlsx"),
    )
    exported = write_csv(export_rows(Contact.objects.select_related("outlet").order_by("id")))

    plan = plan_import(personas.lan, personas.hanoi, exported, "lai.csv")

    assert plan.preview.ok and len(plan.merges) == 6


def test_duplicates_are_grouped_and_merged(personas: Personas) -> None:
    a = make_contact(owner=personas.hanoi, email="a@x.vn", phone="")
    b = make_contact(owner=personas.hanoi, email="A2@x.vn", phone="0912345678")
    c = make_contact(owner=personas.hanoi, email="a@x.vn", phone="0912345678", title="Phóng viên")
    make_contact(owner=personas.hanoi, email="khac@x.vn")

    groups = find_duplicates(Contact.objects.order_by("id"))
    assert [sorted(contact.pk for contact in group) for group in groups] == [
        sorted([a.pk, b.pk, c.pk])
    ]

    merge_contacts(personas.lan, a, c)
    a.refresh_from_db()
    assert (a.phone, a.title) == ("0912345678", "Phóng viên")
    assert not Contact.objects.filter(pk=c.pk).exists()


def test_dynamic_list_selects_health_journalists_covering_hanoi(personas: Personas) -> None:
    wanted = make_contact(owner=personas.hanoi, beats=["y-te"], provinces=["HN", "HUE"])
    make_contact(owner=personas.hanoi, beats=["y-te"], provinces=["HUE"])
    make_contact(owner=personas.hanoi, beats=["kinh-te"], provinces=["HN"])
    make_contact(owner=personas.hanoi, beats=["y-te"], provinces=["HN"], consent=False)
    make_contact(owner=personas.hue, beats=["y-te"], provinces=["HN"])
    shared = make_contact(owner=personas.hue, beats=["y-te"], provinces=["HN"], is_shared=True)

    health = create_list(
        personas.lan,
        personas.hanoi,
        name="Phóng viên y tế Hà Nội",
        kind=ListKind.DYNAMIC,
        criteria={"beats": ["y-te"], "provinces": ["HN"]},
    )

    assert set(list_recipients(health)) == {wanted, shared}


def test_list_criteria_are_validated(personas: Personas) -> None:
    with pytest.raises(ValueError, match="Lĩnh vực không hợp lệ"):
        create_list(
            personas.lan, personas.hanoi, name="x", kind=ListKind.DYNAMIC, criteria={"beats": ["?"]}
        )


def test_spokesperson_is_set_only_by_the_organisation(personas: Personas) -> None:
    spokesperson = set_spokesperson(
        personas.lan,
        personas.hanoi,
        full_name="Nguyễn Văn An",
        title="Chánh Văn phòng UBND",
        email="phatngon@hanoi.gov.vn",
        phone="024 3825 3536",
    )
    assert (spokesperson.kind, spokesperson.represents, spokesperson.phone) == (
        ContactKind.SPOKESPERSON,
        personas.hanoi,
        "02438253536",
    )

    with pytest.raises(PermissionDenied):
        set_spokesperson(
            personas.binh, personas.hanoi, full_name="Kẻ lạ", title="", email="", phone=""
        )
    spokesperson.refresh_from_db()
    assert spokesperson.full_name == "Nguyễn Văn An"


def test_spokesperson_role_may_update_own_organisation(personas: Personas) -> None:
    speaker = make_user(role=Role.SPOKESPERSON, organization=personas.hue)
    contact = set_spokesperson(
        speaker, personas.hue, full_name="Trần Thị Bình", title="", email="", phone=""
    )
    assert contact.represents == personas.hue
