"""Stories: reprints join the first item's story, also when another worker stored the first."""

import pytest

from lantoa.content import stories
from lantoa.content.dedup import compute_signature
from lantoa.content.models import Item, Story
from lantoa.content.stories import assign_story, reset_story_index
from lantoa.core.testing.factories import make_item, make_organization, make_source

ARTICLE = (
    "Sở Y tế Nghệ An cho biết từ tháng 12, người dân trong tỉnh có thể dùng sổ sức khỏe điện tử "
    "trên ứng dụng định danh để khám chữa bệnh bảo hiểm y tế tại 480 cơ sở, thay cho thẻ giấy."
)


@pytest.fixture(autouse=True)
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> None:
    reset_story_index()
    monkeypatch.setattr(stories, "CATCH_UP_EVERY", 0.0)


def stored(text: str) -> Item:
    item = make_item(source=make_source(owner=make_organization()), text=text)
    signature = compute_signature(text)
    Item.objects.filter(pk=item.pk).update(signature=signature.to_bytes())
    assign_story(item, signature)
    item.refresh_from_db()
    return item


@pytest.mark.django_db
def test_a_light_edit_in_another_outlet_joins_the_story() -> None:
    original = stored(ARTICLE)
    reprint = stored(
        ARTICLE.replace("Sở Y tế Nghệ An cho biết", "Theo Sở Y tế Nghệ An,") + " (Theo Báo Mẫu)"
    )
    unrelated = stored(
        "Hà Tĩnh khởi công tuyến đường ven biển dài 42 km nối ba xã ven biển với cảng."
    )

    assert reprint.story_id == original.story_id
    assert unrelated.story_id != original.story_id
    assert original.story is not None
    assert Story.objects.get(pk=original.story.pk).item_count == 2


@pytest.mark.django_db
def test_items_another_worker_stored_are_found_from_the_database() -> None:
    first = stored(ARTICLE)
    reset_story_index()  # this process restarts and has never seen `first`

    copy = stored(ARTICLE + " Người dân cần cập nhật ứng dụng lên phiên bản mới.")

    assert copy.story_id == first.story_id


@pytest.mark.django_db
def test_a_reprint_of_a_deleted_story_starts_a_new_story() -> None:
    first = stored(ARTICLE)
    assert first.story_id is not None
    Story.objects.filter(pk=first.story_id).delete()  # an operator cleaned stories up

    copy = stored(ARTICLE + " (Theo Báo Mẫu)")

    assert copy.story_id is not None
    assert copy.story_id != first.story_id
    assert Story.objects.get(pk=copy.story_id).item_count == 1
