"""Test-wide set-up: the `db` marker and shared fixtures.

Every test that touches the database gets the `db` marker automatically, so `make test` can run
exactly those again on PostgreSQL. Settings come from ``lantoa.config.test_settings``.
"""

import pytest

_DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "django_user_model"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & _DB_FIXTURES:
            item.add_marker(pytest.mark.db)


pytest_plugins = [
    "lantoa.core.testing.browser",
    "lantoa.core.testing.personas",
    "lantoa.core.testing.smtp",
]
