"""Connectors by kind. Each connector module registers itself; the package imports them all,
so adding a source kind (a credentials-based social API, say) is one new module here."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from lantoa.sources.connectors.base import Harvest, HarvestFunction, SourceSpec, never_seen
from lantoa.sources.fetching import Fetcher

__all__ = [
    "ConnectorInfo",
    "PayloadFunction",
    "UnknownConnectorError",
    "connector_kinds",
    "get_connector",
    "register",
]

PayloadFunction: TypeAlias = Callable[[object, SourceSpec], Harvest]


class UnknownConnectorError(KeyError):
    """No connector is registered under that kind."""


@dataclass(frozen=True, kw_only=True)
class ConnectorInfo:
    """A registered connector: polled kinds have a harvest function, pushed kinds a payload
    function; call them through :meth:`harvest` and :meth:`accept_payload`."""

    kind: str
    description: str
    harvest_function: HarvestFunction | None = None
    payload_function: PayloadFunction | None = None

    @property
    def polled(self) -> bool:
        return self.harvest_function is not None

    def harvest(
        self, spec: SourceSpec, *, fetcher: Fetcher, is_known: Callable[[str], bool] = never_seen
    ) -> Harvest:
        """Poll the source; ``is_known(url)`` says whether an item URL is already stored."""
        if self.harvest_function is None:
            raise TypeError(f"{self.kind!r} sources are not polled")
        return self.harvest_function(spec, fetcher=fetcher, is_known=is_known)

    def accept_payload(self, payload: object, spec: SourceSpec) -> Harvest:
        """Validate a pushed payload for the source."""
        if self.payload_function is None:
            raise TypeError(f"{self.kind!r} sources do not accept pushed payloads")
        return self.payload_function(payload, spec)


_REGISTRY: dict[str, ConnectorInfo] = {}


def register(
    kind: str,
    *,
    description: str,
    harvest: HarvestFunction | None = None,
    accept_payload: PayloadFunction | None = None,
) -> ConnectorInfo:
    """Register a connector under ``kind``; call this at the bottom of its module."""
    if kind in _REGISTRY:
        raise ValueError(f"connector {kind!r} is already registered")
    info = ConnectorInfo(
        kind=kind,
        description=description,
        harvest_function=harvest,
        payload_function=accept_payload,
    )
    _REGISTRY[kind] = info
    return info


def get_connector(kind: str) -> ConnectorInfo:
    try:
        return _REGISTRY[kind]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownConnectorError(f"unknown source kind {kind!r} (known: {known})") from None


def connector_kinds() -> Mapping[str, ConnectorInfo]:
    """Every registered connector by kind."""
    return dict(sorted(_REGISTRY.items()))
