"""Agency scoping: an officer reaches their own organisation and its children, never a peer's."""

import pytest
from django.core.exceptions import PermissionDenied

from lantoa.accounts.scoping import visible_organizations
from lantoa.content.queries import visible_items
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.sources.actions import rename_source, set_source_status
from lantoa.sources.models import SourceStatus
from lantoa.sources.queries import visible_sources


def test_officer_reaches_own_province_and_its_departments_only(personas: Personas) -> None:
    reachable = set(visible_organizations(personas.lan))

    assert reachable == {personas.hanoi, personas.hanoi_department}


def test_department_analyst_does_not_reach_the_parent_province(personas: Personas) -> None:
    assert set(visible_organizations(personas.ha)) == {personas.hanoi_department}


def test_central_administrator_reaches_every_organisation(personas: Personas) -> None:
    assert personas.hue in visible_organizations(personas.minh)
    assert personas.hanoi in visible_organizations(personas.minh)


def test_officer_of_province_a_cannot_read_province_b_private_sources_or_items(
    personas: Personas,
) -> None:
    hue_source = make_source(owner=personas.hue, name="Cổng thông tin Huế")
    hue_item = make_item(source=hue_source)
    hanoi_source = make_source(owner=personas.hanoi)

    assert list(visible_sources(personas.lan)) == [hanoi_source]
    assert hue_item not in visible_items(personas.lan)
    assert hue_item in visible_items(personas.binh)


def test_shared_source_is_readable_by_every_agency(personas: Personas) -> None:
    national = make_source(owner=personas.hue, name="Báo điện tử toàn quốc", is_shared=True)

    assert national in visible_sources(personas.lan)


def test_denied_write_changes_nothing(personas: Personas) -> None:
    hue_source = make_source(owner=personas.hue, name="Cổng thông tin Huế")

    with pytest.raises(PermissionDenied):
        rename_source(personas.lan, hue_source, "Đổi tên trái phép")
    with pytest.raises(PermissionDenied):
        set_source_status(personas.lan, hue_source, SourceStatus.PAUSED)

    hue_source.refresh_from_db()
    assert hue_source.name == "Cổng thông tin Huế"
    assert hue_source.status == SourceStatus.ACTIVE


def test_analyst_may_read_but_not_change_own_department_source(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi_department, name="Trang Sở")

    assert source in visible_sources(personas.ha)
    with pytest.raises(PermissionDenied):
        rename_source(personas.ha, source, "Tên mới")
    source.refresh_from_db()
    assert source.name == "Trang Sở"


def test_officer_may_change_a_department_source_below_them(personas: Personas) -> None:
    source = make_source(owner=personas.hanoi_department, name="Trang Sở")

    rename_source(personas.lan, source, "  Trang tin Sở Văn hóa  ")

    source.refresh_from_db()
    assert source.name == "Trang tin Sở Văn hóa"
