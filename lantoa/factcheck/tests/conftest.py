from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """The tip-form limits count in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()
