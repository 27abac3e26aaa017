"""Checks commands run before touching the database, so operators get a sentence, not a traceback."""

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import OperationalError

__all__ = ["require_migrated"]


def require_migrated(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Raise CommandError unless the database answers and every migration is applied."""
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        raise CommandError(f"Không kết nối được cơ sở dữ liệu: {error}") from error
    if pending:
        raise CommandError(
            f"Cơ sở dữ liệu chưa được cập nhật ({len(pending)} bước). Hãy chạy: lantoa migrate"
        )
