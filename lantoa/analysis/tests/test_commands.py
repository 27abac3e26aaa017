"""train / evaluate / analyze / train-all commands on a small dataset built in tmp_path."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

RELIABLE = ["Bộ Y tế công bố số liệu chính thức", "UBND tỉnh ban hành kế hoạch năm"]
UNRELIABLE = ["chia sẻ gấp tin sốc chưa kiểm chứng", "tin đồn thất thiệt lan truyền"]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip().splitlines()


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    rows = [{"text": t, "label": "reliable"} for t in RELIABLE * 5]
    rows += [{"text": t, "label": "unreliable"} for t in UNRELIABLE * 5]
    return write_jsonl(tmp_path / "reliability.jsonl", rows)


def test_train_then_evaluate_then_analyze(tmp_path: Path, labelled: Path) -> None:
    with override_settings(LANTOA_DATA_DIR=tmp_path / "var"):
        # given a model trained and evaluated on the small dataset
        trained = json.loads(
            run("train", "reliability", "--data", str(labelled), "--eval", str(labelled))[-1]
        )
        assert trained["evaluation"]["accuracy"] == 1.0
        assert Path(trained["model"]).is_file()
        # when it is evaluated with --json
        report = json.loads(run("evaluate", "reliability", "--data", str(labelled), "--json")[-1])
        # then the last line has the figures
        assert report["n"] == 20
        assert report["accuracy"] == 1.0
        assert report["roc_auc"] == 1.0
        assert set(report["per_class"]) == {"reliable", "unreliable"}
        # and analyze prints one object per text, in order
        texts = tmp_path / "texts.txt"
        texts.write_text("tin đồn thất thiệt\nBộ Y tế công bố\n", encoding="utf-8")
        lines = [json.loads(line) for line in run("analyze", "--data", str(texts), "--json")]
        assert [line["reliability"]["label"] for line in lines] == ["unreliable", "reliable"]
        assert set(lines[0]) >= {"sentiment", "toxicity", "field", "reliability"}
        assert set(lines[0]["sentiment"]) == {"label", "score"}


def test_bad_input_is_a_command_error(tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": "x"}])
    with override_settings(LANTOA_DATA_DIR=tmp_path), pytest.raises(CommandError, match="label"):
        run("train", "sentiment", "--data", str(bad))
    with override_settings(LANTOA_DATA_DIR=tmp_path), pytest.raises(CommandError, match="no model"):
        run("evaluate", "field", "--data", str(bad))
    with pytest.raises(CommandError, match="no such file"):
        run("analyze", "--data", str(tmp_path / "missing.jsonl"), "--json")
    with pytest.raises(CommandError, match="no such datasets folder"):
        run("train_all", "--datasets", str(tmp_path / "none"))
