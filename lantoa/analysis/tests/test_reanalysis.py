"""Re-analysis after a model update: stale items are found and relabelled in budgeted runs."""

import importlib
import json
import os
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from lantoa.analysis import accurate_queue
from lantoa.analysis.models import AccurateReason, AccurateRequest, AnalysisPath, ItemAnalysis
from lantoa.analysis.pipeline import versions_key
from lantoa.analysis.reanalysis import stale_count, stale_items
from lantoa.analysis.registry import models_signature
from lantoa.analysis.storing import analyze_items, production_models, reload_models
from lantoa.analysis.training import model_path, save_model, train_classifier
from lantoa.content.pipeline import reanalyze_stale
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas

GOOD = ["dự án vượt kế hoạch", "người dân hài lòng", "thu ngân sách tăng trưởng tốt"] * 4
BAD = ["sai phạm nghiêm trọng", "ùn tắc kéo dài", "tham nhũng tại dự án"] * 4
LABELS = ["positive"] * 12 + ["negative"] * 12


def save_sentiment_model(data_dir: Path, version: str, mode: str = "fast") -> None:
    model = train_classifier(task="sentiment", texts=GOOD + BAD, labels=LABELS, version=version)
    save_model(model, model_path(data_dir, "sentiment", version), card={"mode": mode})


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    with override_settings(LANTOA_DATA_DIR=tmp_path):
        reload_models()
        yield tmp_path
    reload_models()


def sentiment_version(item_id: int) -> str:
    return ItemAnalysis.objects.get(item_id=item_id).model_versions["sentiment"]


def test_items_labelled_by_older_models_are_relabelled_newest_first(
    data_dir: Path, personas: Personas
) -> None:
    # given two items the lexicon labelled, before any model was trained
    source = make_source(owner=personas.hanoi)
    items = [make_item(source=source, text=t) for t in ("ùn tắc kéo dài", "dự án vượt kế hoạch")]
    analyze_items([i.pk for i in items])
    assert stale_count(production_models()) == 0
    # when a model is trained (by another process: nobody reloads this one's models)
    save_sentiment_model(data_dir, "2")
    # then both are stale, and a run with a budget of one relabels the newest
    assert stale_items(production_models(), 5) == [(items[1].pk, "fast"), (items[0].pk, "fast")]
    assert stale_count(production_models()) == 2
    assert reanalyze_stale(1) == 1
    assert sentiment_version(items[1].pk) == "sentiment/2"
    assert sentiment_version(items[0].pk) == "lexicon/1"
    # and the command relabels the rest, reporting what is left
    out = StringIO()
    call_command("reanalyze", "--all", "--json", stdout=out)
    assert json.loads(out.getvalue().splitlines()[-1])["analyzed"] == 1
    assert json.loads(out.getvalue().splitlines()[-1])["stale"] == 0
    assert sentiment_version(items[0].pk) == "sentiment/2"


def test_items_never_analysed_are_stale(data_dir: Path, personas: Personas) -> None:
    item = make_item(source=make_source(owner=personas.hanoi))
    assert stale_items(production_models(), 5) == [(item.pk, None)]
    assert reanalyze_stale() == 1
    assert sentiment_version(item.pk) == "lexicon/1"


def test_an_item_that_had_the_accurate_path_waits_for_it_again(
    data_dir: Path, personas: Personas
) -> None:
    # given an item labelled by the accurate path
    save_sentiment_model(data_dir, "1-fast")
    save_sentiment_model(data_dir, "1-accurate", mode="accurate")
    item = make_item(source=make_source(owner=personas.hanoi))
    analyze_items([item.pk], mode="accurate")
    assert ItemAnalysis.objects.get(item=item).path == AnalysisPath.ACCURATE
    # when a newer accurate model arrives
    save_sentiment_model(data_dir, "2-accurate", mode="accurate")
    # then the run relabels it with the fast path and queues it for the accurate one
    assert reanalyze_stale() == 1
    assert ItemAnalysis.objects.get(item=item).path == AnalysisPath.FAST
    assert accurate_queue.next_batch(5) == [item.pk]
    assert AccurateRequest.objects.get(item=item).reason == AccurateReason.MODEL


def test_nothing_is_stale_when_the_models_labelled_everything(
    data_dir: Path, personas: Personas
) -> None:
    save_sentiment_model(data_dir, "1")
    item = make_item(source=make_source(owner=personas.hanoi))
    analyze_items([item.pk])
    assert reanalyze_stale() == 0
    out = StringIO()
    call_command("reanalyze", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "analyzed": 0,
        "stale": 0,
        "seconds": pytest.approx(0, abs=5),
    }


def test_the_migration_fills_the_same_digest_the_pipeline_stores() -> None:
    # given the digest frozen in migration 0004 and the pipeline's
    migration = importlib.import_module("lantoa.analysis.migrations.0004_analysis_models_key")
    versions = {"toxicity": "lexicon/1", "sentiment": "sentiment/20261203T0800Z-fast"}
    # then both give the same key, whatever the order of the tasks
    assert migration._key(versions) == versions_key(dict(reversed(versions.items())))
    assert len(versions_key(versions)) == 16


def test_stale_items_mix_paths_newest_first_within_the_limit(
    data_dir: Path, personas: Personas
) -> None:
    # given three items labelled by the lexicon, the middle one on the accurate path
    source = make_source(owner=personas.hanoi)
    items = [make_item(source=source) for _ in range(3)]
    analyze_items([i.pk for i in items])
    ItemAnalysis.objects.filter(item=items[1]).update(path=AnalysisPath.ACCURATE, models_key="0")
    # and an item never analysed
    newest = make_item(source=source)
    # when a model arrives, then the two newest come first, each with the path that labelled it
    save_sentiment_model(data_dir, "2")
    assert stale_items(production_models(), 2) == [(newest.pk, None), (items[2].pk, "fast")]
    assert stale_count(production_models()) == 4


def test_a_second_model_written_in_the_same_instant_still_changes_the_signature(
    tmp_path: Path,
) -> None:
    # given a task folder holding one model, and the signature a process loaded it under
    folder = tmp_path / "models" / "sentiment"
    folder.mkdir(parents=True)
    (folder / "1.joblib").write_bytes(b"model one")
    instant = folder.stat().st_mtime_ns
    loaded_under = models_signature(tmp_path)
    # when another model is written within the same timestamp tick (the folder's time unmoved)
    (folder / "2.joblib").write_bytes(b"model two")
    for path in (folder, folder / "2.joblib"):
        os.utime(path, ns=(instant, instant))
    # then the signature differs, so the process loads the models again
    assert models_signature(tmp_path) != loaded_under
