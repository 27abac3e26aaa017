"""Test-wide set-up: development settings unless a test says otherwise, and the `db` marker.

Every test that touches the database gets the `db` marker automatically, so `make test` can run
exactly those again on PostgreSQL.
"""

import os

import pytest

os.environ.setdefault("DEBUG", "true")

_DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "django_user_model"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & _DB_FIXTURES:
            item.add_marker(pytest.mark.db)


pytest_plugins = ["lantoa.core.testing.personas", "lantoa.core.testing.smtp"]
