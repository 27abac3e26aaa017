"""Settings for the test suite: development mode and a private data directory.

pytest-django imports settings before any conftest runs, so the defaults are set here. A fresh
temporary data directory keeps tests from reading or writing a developer's ``var/`` (its SQLite
database, trained models, uploads). Tests of production behaviour run ``manage.py`` in a
subprocess with ``lantoa.settings`` and their own environment.
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("LANTOA_DATA_DIR", tempfile.mkdtemp(prefix="lantoa-test-"))

from lantoa.settings import *  # noqa: F403
