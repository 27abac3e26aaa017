"""Settings for the test suite: development mode unless the environment says otherwise.

pytest-django imports settings before any conftest runs, so the default is set here. Tests of
production behaviour run ``manage.py`` in a subprocess with ``lantoa.settings`` and their own
environment.
"""

import os

os.environ.setdefault("DEBUG", "true")

from lantoa.settings import *  # noqa: F403
