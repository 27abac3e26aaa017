"""An index in the order every list and search shows items: newest first, undated last.

PostgreSQL needs ``DESC NULLS LAST`` spelled out to walk it for ``ORDER BY published_at DESC
NULLS LAST``; SQLite refuses ``NULLS LAST`` in an index but sorts NULL lowest, so plain ``DESC``
is the same order there.
"""

from django.db import migrations

NAME = "item_newest_first"
ORDER = {
    "postgresql": "published_at DESC NULLS LAST, id DESC",
    "sqlite": "published_at DESC, id DESC",
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON content_item ({ORDER[vendor]})")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("content", "0003_item_source_hash")]

    operations = [migrations.RunPython(create, drop)]
