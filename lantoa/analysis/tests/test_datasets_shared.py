"""Checks against the shared datasets; skipped when they are absent."""

import pytest

from lantoa.analysis.datasets import datasets_root, load_labelled, reintel_split
from lantoa.analysis.policy_devset import LABELS_FILE, TRAINING_LABELS_FILE, load_policy_devset

pytestmark = [
    pytest.mark.datasets,
    pytest.mark.skipif(not datasets_root().is_dir(), reason="shared datasets not present"),
]


def test_reintel_fixed_split_matches_the_readme() -> None:
    data = load_labelled(datasets_root() / "reintel_vlsp2020" / "train.jsonl", skip_empty_text=True)
    train, held_out = reintel_split(data)
    assert (len(held_out), held_out.labels.count("unreliable")) == (856, 137)
    assert len(train) + len(held_out) == 4371


def test_policy_devset_rebuilds_every_labelled_sentence() -> None:
    # given the repository's key file (no texts in it)
    rows = LABELS_FILE.read_text(encoding="utf-8").splitlines()[1:]  # one header line
    # when the texts are rebuilt from the datasets (hash-verified inside)
    items = load_policy_devset()
    # then every row has its sentence and a stance label
    assert len(items) == len(rows) == 650
    assert {item.sentiment for item in items} == {"negative", "neutral", "positive"}
    assert all(item.text for item in items)


def test_policy_training_extension_rebuilds_and_never_overlaps_the_development_set() -> None:
    # given the extension's key file
    rows = TRAINING_LABELS_FILE.read_text(encoding="utf-8").splitlines()[1:]
    # when its texts are rebuilt
    extension = load_policy_devset(labels_file=TRAINING_LABELS_FILE)
    # then every row has its sentence, and none of them is a development-set sentence
    assert len(extension) == len(rows) == 660
    assert len({(i.dataset, i.record_id, i.sentence_index) for i in extension}) == 660
    development = {
        (item.dataset, item.record_id, item.sentence_index) for item in load_policy_devset()
    }
    assert not {(i.dataset, i.record_id, i.sentence_index) for i in extension} & development
    assert {item.sentiment for item in extension} == {"negative", "neutral", "positive"}
