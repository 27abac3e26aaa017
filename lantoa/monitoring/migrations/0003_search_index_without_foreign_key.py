"""Drop the PostgreSQL search side table's foreign key to items.

Django's flush (and the transactional tests that use it) truncates only the tables of its models;
a foreign key from this raw table to ``content_item`` makes that TRUNCATE fail. Search joins the
table back to ``content_item``, so a row left behind by a deleted item can never be returned.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

FOREIGN_KEY = "monitoring_itemsearch_item_id_fkey"


def drop_foreign_key(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE monitoring_itemsearch DROP CONSTRAINT IF EXISTS {FOREIGN_KEY}"
        )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_search_index")]

    operations = [migrations.RunPython(drop_foreign_key, migrations.RunPython.noop)]
