"""PostgreSQL: an index of the search rows whose positions were cut (see ``search_index``).

Queries with phrases or NEAR re-check those rows with the matcher; finding them through the
GIN index meant re-checking every match of the phrase (half a second at a million items).
"""

from django.db import migrations

TABLE = "monitoring_itemsearch"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_incomplete ON {TABLE} (item_id) "
            "WHERE NOT positions_complete"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TABLE}_incomplete")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_reportsubscription_weeklyreport")]

    operations = [migrations.RunPython(create, drop)]
