"""Group the comments on one clause into themes, each with a representative comment. Pure.

TF-IDF over word unigrams and bigrams, k-means for k in 2..``max_k`` chosen by silhouette (fixed
seed); with fewer than four comments, or no k that separates them, all comments form one theme.
The representative is the comment closest to its theme's centre; the label is the theme's top terms.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score

__all__ = ["Theme", "themes"]

_MIN_FOR_CLUSTERING = 4


@dataclass(frozen=True, slots=True)
class Theme:
    label: str
    members: tuple[int, ...]
    representative: int


def _one_theme(count: int) -> tuple[Theme, ...]:
    return (Theme("", tuple(range(count)), 0),) if count else ()


def themes(texts: Sequence[str], *, max_k: int = 5, seed: int = 0) -> tuple[Theme, ...]:
    """Themes over ``texts`` (indices into it), largest first."""
    if len(texts) < _MIN_FOR_CLUSTERING:
        return _one_theme(len(texts))
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts).toarray()
    except ValueError:  # nothing but stop words or punctuation
        return _one_theme(len(texts))
    best: tuple[float, np.ndarray | None, KMeans | None] = (0.05, None, None)
    for k in range(2, min(max_k, len(texts) - 1) + 1):
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(matrix)
        if len(set(model.labels_.tolist())) < 2:
            continue
        score = float(silhouette_score(matrix, model.labels_))
        if score > best[0]:
            best = (score, model.labels_, model)
    if best[1] is None or best[2] is None:
        return _one_theme(len(texts))
    labels, model = best[1], best[2]
    terms = vectorizer.get_feature_names_out()
    found = []
    for g in range(model.n_clusters):
        members = np.flatnonzero(labels == g)
        centre = model.cluster_centers_[g]
        distances = ((matrix[members] - centre) ** 2).sum(axis=1)
        top = [str(terms[i]) for i in np.argsort(-centre)[:3]]
        found.append(
            Theme(", ".join(top), tuple(members.tolist()), int(members[np.argmin(distances)]))
        )
    found.sort(key=lambda t: (-len(t.members), t.members[0]))
    return tuple(found)
