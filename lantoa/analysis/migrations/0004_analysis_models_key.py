"""Store a digest of each analysis's model versions, indexed, and fill it for existing rows.

The digest is the one ``lantoa.analysis.pipeline.versions_key`` computes, frozen here as a
migration must be; were the two ever to differ, rows would only look stale and be relabelled.
"""

import hashlib
import json
from collections import defaultdict
from typing import Any

from django.db import migrations, models

_BATCH = 5000


def _key(versions: dict[str, str]) -> str:
    canonical = json.dumps(dict(sorted(versions.items())), separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]  # noqa: S324 - a digest


def fill_keys(apps: Any, schema_editor: Any) -> None:
    analyses = apps.get_model("analysis", "ItemAnalysis").objects
    last = 0
    while rows := list(
        analyses.filter(item_id__gt=last)
        .order_by("item_id")
        .values_list("item_id", "model_versions")[:_BATCH]
    ):
        by_key: dict[str, list[int]] = defaultdict(list)
        for item_id, versions in rows:
            by_key[_key(versions)].append(item_id)
        for key, ids in by_key.items():
            analyses.filter(item_id__in=ids).update(models_key=key)
        last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0003_accurate_reason_model"),
        ("content", "0004_item_newest_first"),
    ]

    operations = [
        migrations.AddField(
            model_name="itemanalysis",
            name="models_key",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="itemanalysis",
            index=models.Index(
                fields=["path", "models_key", "-item"], name="analysis_models_newest"
            ),
        ),
    ]
