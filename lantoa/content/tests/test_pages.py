"""The item pages: login required, scoped, and fetched text always escaped."""

from django.test import Client
from django.urls import reverse

from lantoa.core.navigation import SECTIONS
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas


def test_anonymous_visitor_is_sent_to_the_login_page(client: Client, db: None) -> None:
    response = client.get(reverse("content:item_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_speaks_vietnamese(client: Client, db: None) -> None:
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert "Đăng nhập Lantoa" in response.content.decode()
    assert 'lang="vi"' in response.content.decode()


def test_officer_sees_own_items_but_not_another_provinces(
    client: Client, personas: Personas
) -> None:
    mine = make_item(
        source=make_source(owner=personas.hanoi), title="Hà Nội triển khai dịch vụ công"
    )
    theirs = make_item(source=make_source(owner=personas.hue), title="Tin riêng của Huế")
    client.force_login(personas.lan)

    page = client.get(reverse("content:item_list")).content.decode()

    assert mine.title in page
    assert theirs.title not in page
    assert client.get(reverse("content:item_detail", args=[theirs.pk])).status_code == 404


def test_item_text_and_title_are_escaped_never_rendered_as_html(
    client: Client, personas: Personas
) -> None:
    item = make_item(
        source=make_source(owner=personas.hanoi),
        title="<img src=x onerror=alert(1)>",
        text="<script>alert('xss')</script> Nội dung",
        url="javascript:alert(1)",
    )
    client.force_login(personas.lan)

    page = client.get(reverse("content:item_detail", args=[item.pk])).content.decode()

    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page


def test_navigation_lists_every_section_and_each_opens(client: Client, personas: Personas) -> None:
    # given Lan, signed in
    client.force_login(personas.lan)
    # when she opens the dashboard
    dashboard = client.get(reverse("dashboard")).content.decode()
    # then every section is in the navigation, and each section's page opens for her
    for section in SECTIONS:
        assert f'href="{section.url}"' in dashboard
        assert client.get(section.url).status_code == 200, section.slug
    assert [str(s.title) for s in SECTIONS][-3:] == ["Tin giả", "Lấy ý kiến", "Báo cáo"]


def test_health_check_reports_the_database(client: Client, db: None) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] in {"sqlite", "postgresql"}


def test_filtering_through_htmx_returns_only_the_results_fragment(
    client: Client, personas: Personas
) -> None:
    wanted = make_source(owner=personas.hanoi, name="Báo A")
    other = make_source(owner=personas.hanoi, name="Báo B")
    make_item(source=wanted, title="Tin của báo A")
    make_item(source=other, title="Tin của báo B")
    client.force_login(personas.lan)

    response = client.get(
        reverse("content:item_list"), {"source": wanted.pk}, headers={"HX-Request": "true"}
    )

    fragment = response.content.decode()
    assert "Tin của báo A" in fragment
    assert "Tin của báo B" not in fragment
    assert "<html" not in fragment
