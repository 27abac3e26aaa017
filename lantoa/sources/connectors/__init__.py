"""Source connectors: one module per kind, the same shape for all (see base and registry).

Importing this package imports every module in it, which registers its connector. The file
import schema for social-media exports is documented in FILE_SCHEMA.md beside this file.
"""

import importlib
import pkgutil

from lantoa.sources.connectors.base import (
    Engagement,
    Entry,
    Harvest,
    HarvestOutcome,
    Rejection,
    RejectionReason,
    SourceSpec,
    SourceStatus,
)
from lantoa.sources.connectors.registry import (
    ConnectorInfo,
    UnknownConnectorError,
    connector_kinds,
    get_connector,
)

__all__ = [
    "ConnectorInfo",
    "Engagement",
    "Entry",
    "Harvest",
    "HarvestOutcome",
    "Rejection",
    "RejectionReason",
    "SourceSpec",
    "SourceStatus",
    "UnknownConnectorError",
    "connector_kinds",
    "get_connector",
]

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
