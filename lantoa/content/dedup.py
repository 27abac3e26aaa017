"""Group reprints and lightly edited copies of an article into one *story*.

Two stages, cheapest first:

1. exact: the content hash of the normalised text (lantoa.core.text.content_hash) catches
   verbatim reprints, whatever their encoding form, tone-mark style or layout;
2. near-duplicate: a MinHash signature over word 3-shingles of the folded text (lowercase,
   no diacritics, so "hòa"/"hoà"/"hoa" agree) is looked up in a MinHash LSH index; the best
   candidate whose estimated Jaccard similarity reaches ``threshold`` gives the story;
3. a guard for templated texts: official announcements reuse one template for different
   places and dates ("UBND tỉnh X thông báo lịch tiếp công dân tháng N ..."), which is similar
   word for word but a different story. So two texts that both carry at least
   ``MIN_KEY_TOKENS`` key tokens (numbers, and capitalised words inside a sentence: names of
   places, people, bodies) must also share ``MIN_KEY_OVERLAP`` of them (Jaccard).

:class:`StoryIndex` is incremental: ``add`` one item at a time and get its story back. A story
is named by the key of its first item. Signatures serialise to bytes (:meth:`TextSignature.
to_bytes`) so the database can store them and rebuild the index at start-up with
``add(item_key=..., signature=..., story_key=...)`` without recomputing anything. Memory is
about 1 KB per item, so production keeps a rolling window (e.g. the last 30 days) in the index.
"""

import re
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from lantoa.core.folding import fold
from lantoa.core.text import content_hash, normalize_text

__all__ = ["StoryIndex", "StoryMatch", "TextSignature", "compute_signature", "shingles"]

NUM_PERM = 128
SHINGLE_SIZE = 3
DEFAULT_THRESHOLD = 0.5
_SEED = 1
# Pinned so stored signatures stay comparable across datasketch upgrades.
_SCHEME = "affine32"
_HASH_BYTES = 32
_WORD = re.compile(r"\w+")
MIN_KEY_TOKENS = 3
MIN_KEY_OVERLAP = 0.3
_MAX_KEY_TOKENS = 64
_NUMBER = re.compile(r"\d[\d.,/:]*\d|\d")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]+")


@lru_cache(maxsize=1 << 17)
def _folded_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    # Drawing the permutations costs more than hashing a short text: draw them once.
    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations


def _shingles_of_normalized(normalized: str, size: int) -> set[bytes]:
    words = [_folded_word(word) for word in _WORD.findall(normalized.lower())]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _key_tokens(normalized: str) -> tuple[int, ...]:
    """Hashes of the numbers and of the capitalised words that do not open a sentence."""
    tokens = _NUMBER.findall(normalized)
    for sentence in _SENTENCE_BREAK.split(normalized):
        tokens.extend(w for w in _WORD.findall(sentence)[1:] if w[0].isupper())
    hashes = {zlib.crc32(fold(token).encode("utf-8")) for token in tokens}
    # A bottom-k sample keeps long texts comparable at a fixed size.
    return tuple(sorted(hashes)[:_MAX_KEY_TOKENS])


def _keys_agree(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    if len(a) < MIN_KEY_TOKENS or len(b) < MIN_KEY_TOKENS:
        return True
    shared = len(set(a) & set(b))
    return shared / len(set(a) | set(b)) >= MIN_KEY_OVERLAP


def shingles(text: str, *, size: int = SHINGLE_SIZE) -> set[bytes]:
    """Word ``size``-grams of the folded, normalised text; a short text is one shingle."""
    return _shingles_of_normalized(normalize_text(text), size)


@dataclass(frozen=True, kw_only=True)
class TextSignature:
    """What dedup remembers about one text: content hash, MinHash values, key-token hashes."""

    content_hash: str
    minhash: tuple[int, ...]
    key_tokens: tuple[int, ...] = ()

    def to_bytes(self) -> bytes:
        """32 bytes of hash, uint16 count of MinHash values, the values, then the key-token
        hashes (all little-endian uint32)."""
        values = np.asarray([*self.minhash, *self.key_tokens], dtype="<u4").tobytes()
        return bytes.fromhex(self.content_hash) + struct.pack("<H", len(self.minhash)) + values

    @classmethod
    def from_bytes(cls, data: bytes) -> "TextSignature":
        (count,) = struct.unpack_from("<H", data, _HASH_BYTES)
        values = [int(v) for v in np.frombuffer(data[_HASH_BYTES + 2 :], dtype="<u4")]
        return cls(
            content_hash=data[:_HASH_BYTES].hex(),
            minhash=tuple(values[:count]),
            key_tokens=tuple(values[count:]),
        )


def compute_signature(text: str, *, num_perm: int = NUM_PERM) -> TextSignature:
    """The signature of ``text`` (deterministic across processes and machines)."""
    normalized = normalize_text(text)
    minhash = MinHash(
        num_perm=num_perm, seed=_SEED, scheme=_SCHEME, permutations=_permutations(num_perm)
    )
    minhash.update_batch(sorted(_shingles_of_normalized(normalized, SHINGLE_SIZE)))
    return TextSignature(
        content_hash=content_hash(normalized, normalized=True),
        minhash=tuple(int(v) for v in minhash.hashvalues),
        key_tokens=_key_tokens(normalized),
    )


@dataclass(frozen=True, kw_only=True)
class StoryMatch:
    """The story an added item belongs to and why.

    ``matched_item_key`` is the item it was found similar to (None for a new story);
    ``similarity`` is 1.0 for an exact match, else the estimated Jaccard similarity.
    """

    story_key: str
    is_new_story: bool
    matched_item_key: str | None
    similarity: float
    exact: bool


class StoryIndex:
    """Items seen so far, searchable by exact hash and by MinHash LSH."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._by_hash: dict[str, str] = {}
        self._values: dict[str, np.ndarray] = {}
        self._keys: dict[str, tuple[int, ...]] = {}
        self._story_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._story_of)

    def story_of(self, item_key: str) -> str | None:
        return self._story_of.get(item_key)

    def add(
        self,
        *,
        item_key: str,
        text: str | None = None,
        signature: TextSignature | None = None,
        story_key: str | None = None,
    ) -> StoryMatch:
        """Index one item (from its ``text`` or stored ``signature``) and return its story.

        With ``story_key`` the item is filed under that story without matching: this is how a
        persisted index is rebuilt. Adding a key twice raises ``ValueError``.
        """
        if item_key in self._story_of:
            raise ValueError(f"item {item_key!r} is already indexed")
        if signature is None:
            if text is None:
                raise ValueError("add() needs text or signature")
            signature = compute_signature(text, num_perm=self.num_perm)
        match = self._match(item_key, signature) if story_key is None else None
        match = match or StoryMatch(
            story_key=story_key or item_key,
            is_new_story=story_key is None,
            matched_item_key=None,
            similarity=0.0,
            exact=False,
        )
        self._insert(item_key, signature, match.story_key)
        return match

    def _match(self, item_key: str, signature: TextSignature) -> StoryMatch | None:
        if (twin := self._by_hash.get(signature.content_hash)) is not None:
            return StoryMatch(
                story_key=self._story_of[twin],
                is_new_story=False,
                matched_item_key=twin,
                similarity=1.0,
                exact=True,
            )
        values = np.asarray(signature.minhash, dtype=np.uint32)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(self._lean(values)):
            similarity = float(np.mean(self._values[candidate] == values))
            if similarity < self.threshold or (best is not None and similarity <= best[0]):
                continue
            if _keys_agree(self._keys[candidate], signature.key_tokens):
                best = (similarity, candidate)
        if best is None:
            return None
        return StoryMatch(
            story_key=self._story_of[best[1]],
            is_new_story=False,
            matched_item_key=best[1],
            similarity=best[0],
            exact=False,
        )

    def _insert(self, item_key: str, signature: TextSignature, story_key: str) -> None:
        values = np.asarray(signature.minhash, dtype=np.uint32)
        self._lsh.insert(item_key, self._lean(values), check_duplication=False)
        self._values[item_key] = values
        self._keys[item_key] = signature.key_tokens
        self._by_hash.setdefault(signature.content_hash, item_key)
        self._story_of[item_key] = story_key

    def _lean(self, values: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)
