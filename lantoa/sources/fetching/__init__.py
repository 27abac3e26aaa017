"""Fetching web resources politely and within limits; see :class:`Fetcher`."""

from lantoa.sources.fetching.charset import DecodedBody, decode_body
from lantoa.sources.fetching.fetcher import Fetcher
from lantoa.sources.fetching.policy import DEFAULT_USER_AGENT, FetchPolicy
from lantoa.sources.fetching.result import FetchOutcome, FetchResult

__all__ = [
    "DEFAULT_USER_AGENT",
    "DecodedBody",
    "FetchOutcome",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "decode_body",
]
