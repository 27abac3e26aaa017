"""`lantoa train-demo`: a fresh install gets trained sentiment and field models."""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from lantoa.analysis.pipeline import analyze_batch
from lantoa.analysis.registry import load_model_set
from lantoa.analysis.storing import reload_models
from lantoa.content.demo import demo_policies
from lantoa.content.demo.labelled import demo_labelled


def train_demo(*args: str) -> list[dict[str, object]]:
    out = StringIO()
    call_command("train_demo", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def data_dir(tmp_path: Path):
    with override_settings(LANTOA_DATA_DIR=tmp_path / "var"):
        yield tmp_path / "var"
    reload_models()


def test_demo_items_are_labelled_with_their_stance_and_their_policys_field() -> None:
    # given the demo corpus as labelled data
    data = demo_labelled(seed=3, count=200, end=date(2026, 11, 30))

    # then every item has a stance and one of the demo policies' fields
    assert set(data["sentiment"].labels) == {"negative", "neutral", "positive"}
    assert set(data["field"].labels) <= {policy.field for policy in demo_policies()}
    assert data["sentiment"].texts == data["field"].texts


def test_fresh_install_gets_trained_demo_models(data_dir: Path) -> None:
    # given a data directory without any model
    # when the demo models are trained
    summaries = train_demo("--items", "150")

    # then sentiment and field each have one, evaluated on other demo items
    assert [(s["task"], s["mode"]) for s in summaries] == [("sentiment", "fast"), ("field", "fast")]
    assert all(Path(str(s["model"])).is_file() for s in summaries)
    assert all(s["evaluated_on"] == "demo corpus, held-out seed" for s in summaries)
    # and the pipeline uses them, saying so in the model version
    models = load_model_set(data_dir)
    [analysis] = analyze_batch(
        ["Người dân bức xúc vì giá xăng dầu tăng liên tiếp, nhiều người lo lắng."],
        models=models,
    )
    assert analysis.model_version["sentiment"].startswith("sentiment/")
    assert analysis.model_version["sentiment"].endswith("-demo-fast")
    assert analysis.model_version["field"].endswith("-demo-fast")
    assert analysis.field.label in {policy.field for policy in demo_policies()}


def test_existing_models_are_kept_unless_forced(data_dir: Path) -> None:
    # given demo models already trained
    first = train_demo("--items", "150")

    # when the command runs again without --force
    again = train_demo("--items", "150")

    # then each task keeps the model it has
    assert [s["kept"] for s in again] == [s["model"] for s in first]
    # and --force trains new ones
    forced = train_demo("--items", "150", "--force")
    assert all("model" in s for s in forced)


def test_too_few_items_is_a_clear_error(data_dir: Path) -> None:
    with pytest.raises(CommandError, match="--items"):
        train_demo("--items", "5")
