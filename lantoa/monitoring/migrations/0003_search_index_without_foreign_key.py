"""Drop the PostgreSQL side table's foreign key to content_item.

Django flushes test databases with TRUNCATE, which PostgreSQL refuses for a table referenced by
a foreign key from a table Django does not manage. Searches join back to content_item, so a row
left by a deleted item is never returned.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def drop_foreign_key(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE monitoring_itemsearch "
            "DROP CONSTRAINT IF EXISTS monitoring_itemsearch_item_id_fkey"
        )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_search_index")]

    operations = [migrations.RunPython(drop_foreign_key, migrations.RunPython.noop)]
