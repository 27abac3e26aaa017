"""The full-text index side table: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# Frozen copies of lantoa.monitoring.search_index.CREATE_SQL / DROP_SQL at this migration.
CREATE_SQL = {
    "sqlite": [
        "CREATE VIRTUAL TABLE monitoring_item_search USING fts5(title_folded, body_folded, "
        "source_folded, title_exact, body_exact, source_exact, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4 5')"
    ],
    "postgresql": [
        "CREATE TABLE monitoring_itemsearch (item_id bigint PRIMARY KEY REFERENCES content_item (id) "
        "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, search_vector tsvector NOT NULL, "
        "positions_complete boolean NOT NULL DEFAULT true)",
        "CREATE INDEX monitoring_itemsearch_vector ON monitoring_itemsearch USING gin (search_vector)",
    ],
}
DROP_SQL = {
    "sqlite": ["DROP TABLE IF EXISTS monitoring_item_search"],
    "postgresql": ["DROP TABLE IF EXISTS monitoring_itemsearch"],
}


def create_index(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in CREATE_SQL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop_index(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in DROP_SQL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial"), ("content", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
