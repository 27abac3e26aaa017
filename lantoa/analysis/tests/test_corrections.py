"""Officers see each label with its confidence, correct it, and the queue shows the unsure first."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from lantoa.analysis.actions import correct_label
from lantoa.analysis.models import AnalysisPath, ItemAnalysis, LabelCorrection
from lantoa.analysis.queries import correction_examples, labelling_queue
from lantoa.content.models import Item
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas


def analysed(item: Item, *, sentiment: str = "neutral", score: float = 0.6) -> Item:
    ItemAnalysis.objects.create(
        item=item,
        sentiment=sentiment,
        sentiment_score=score,
        toxicity="CLEAN",
        toxicity_score=0.97,
        field="Chinh tri Xa hoi",
        field_score=0.8,
        path=AnalysisPath.FAST,
        model_versions={
            "sentiment": "lexicon/1",
            "toxicity": "lexicon/1",
            "field": "field/20261120",
        },
    )
    return item


def test_item_page_shows_labels_with_confidence_and_model(
    client: Client, personas: Personas
) -> None:
    item = analysed(
        make_item(source=make_source(owner=personas.hanoi)), sentiment="negative", score=0.83
    )
    client.force_login(personas.lan)

    page = client.get(reverse("content:item_detail", args=[item.pk])).content.decode()

    assert "Tiêu cực" in page
    assert "83%" in page
    assert "lexicon/1" in page
    assert "Chính trị – Xã hội" in page


def test_officer_correction_is_stored_and_leaves_the_queue(
    client: Client, personas: Personas
) -> None:
    source = make_source(owner=personas.hanoi)
    unsure = analysed(make_item(source=source), score=0.41)
    sure = analysed(make_item(source=source), score=0.95)
    assert list(labelling_queue(personas.lan)) == [unsure, sure]
    client.force_login(personas.lan)

    response = client.post(
        reverse("analysis:correct", args=[unsure.pk]),
        {"task": "sentiment", "label": "positive"},
        headers={"HX-Request": "true"},
    )

    correction = LabelCorrection.objects.get()
    assert (correction.item, correction.task, correction.label, correction.previous_label) == (
        unsure,
        "sentiment",
        "positive",
        "neutral",
    )
    assert "Tích cực" in response.content.decode()
    assert list(labelling_queue(personas.lan)) == [sure]


def test_an_unknown_label_is_refused_and_nothing_is_stored(
    client: Client, personas: Personas
) -> None:
    item = analysed(make_item(source=make_source(owner=personas.hanoi)))
    client.force_login(personas.lan)

    response = client.post(
        reverse("analysis:correct", args=[item.pk]),
        {"task": "sentiment", "label": "rất tốt"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 400
    assert not LabelCorrection.objects.exists()


def test_officer_cannot_correct_another_provinces_item(client: Client, personas: Personas) -> None:
    item = analysed(make_item(source=make_source(owner=personas.hue)))
    client.force_login(personas.lan)

    response = client.post(
        reverse("analysis:correct", args=[item.pk]), {"task": "sentiment", "label": "positive"}
    )

    assert response.status_code == 404
    assert not LabelCorrection.objects.exists()
    assert item not in labelling_queue(personas.lan)


def test_model_page_is_for_staff_only(client: Client, personas: Personas) -> None:
    client.force_login(personas.lan)
    assert client.get(reverse("analysis:models")).status_code == 302

    personas.minh.is_staff = True
    personas.minh.save()
    client.force_login(personas.minh)
    page = client.get(reverse("analysis:models")).content.decode()
    assert "Mô hình phân tích" in page


def test_corrections_feed_the_next_training_run(personas: Personas, tmp_path: Path) -> None:
    source = make_source(owner=personas.hanoi)
    praised = analysed(make_item(source=source, text="Người dân khen thủ tục nhanh gọn."))
    criticised = analysed(make_item(source=source, text="Người dân phàn nàn vì phải chờ cả ngày."))
    correct_label(personas.lan, praised, "sentiment", "negative")
    correct_label(personas.lan, praised, "sentiment", "positive")
    correct_label(personas.lan, criticised, "sentiment", "negative")
    data = tmp_path / "train.jsonl"
    rows = [
        {"text": f"Câu mẫu trung lập số {n} về lịch tiếp dân.", "label": "neutral"}
        for n in range(6)
    ]
    rows += [
        {"text": f"Câu mẫu tích cực số {n}: cảm ơn cán bộ tận tình.", "label": "positive"}
        for n in range(6)
    ]
    rows += [
        {"text": f"Câu mẫu tiêu cực số {n}: bức xúc vì chậm trễ.", "label": "negative"}
        for n in range(6)
    ]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")

    texts, labels = correction_examples("sentiment")
    out = StringIO()
    call_command("train", "sentiment", "--data", str(data), "--with-corrections", stdout=out)

    assert labels == ["positive", "negative"]
    assert texts[0].endswith("Người dân khen thủ tục nhanh gọn.")
    assert json.loads(out.getvalue().splitlines()[-1])["n_corrections"] == 2
