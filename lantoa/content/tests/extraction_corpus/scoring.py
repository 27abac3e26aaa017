"""Score extraction on the corpus: how much expected text is recovered, how much junk leaks.

The corpus holds Vietnamese news pages written for Lantoa in the layouts of national outlets
and provincial portals (``NN-layout-slug.html``), each with its main text written down
(``NN-layout-slug.txt``: sapo and paragraphs, without title, byline or boilerplate) and its
metadata in ``pages.json``. Scores are token-level over folded text (lowercase, no diacritics),
comparing multisets so that repeated words count as often as they occur:

* recall = expected tokens found in the extraction / expected tokens;
* leak = extracted tokens not in the expected text / extracted tokens.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lantoa.content.extraction import ExtractedArticle, extract_article
from lantoa.core.folding import fold

__all__ = ["CORPUS_DIR", "CorpusPage", "PageScore", "load_corpus", "score_page"]

CORPUS_DIR = Path(__file__).resolve().parent
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, kw_only=True)
class CorpusPage:
    name: str
    html: str
    expected_text: str
    title: str
    author: str
    published_day: str


@dataclass(frozen=True, kw_only=True)
class PageScore:
    name: str
    recall: float
    leak: float
    extracted: ExtractedArticle | None


def load_corpus(directory: Path = CORPUS_DIR) -> list[CorpusPage]:
    """Every page of the corpus, in file-name order."""
    manifest = json.loads((directory / "pages.json").read_text(encoding="utf-8"))
    return [
        CorpusPage(
            name=entry["page"],
            html=(directory / f"{entry['page']}.html").read_text(encoding="utf-8"),
            expected_text=(directory / f"{entry['page']}.txt").read_text(encoding="utf-8"),
            title=entry["title"],
            author=entry["author"],
            published_day=entry["published_day"],
        )
        for entry in manifest
    ]


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(fold(text)))


def score_page(page: CorpusPage) -> PageScore:
    """Extract ``page`` and compare its text with the expected main text."""
    extracted = extract_article(page.html, url=f"https://corpus.lantoa.test/{page.name}.html")
    expected = _tokens(page.expected_text)
    found = _tokens(extracted.text) if extracted else Counter()
    overlap = sum((expected & found).values())
    recall = overlap / max(1, sum(expected.values()))
    leak = (sum(found.values()) - overlap) / max(1, sum(found.values()))
    return PageScore(name=page.name, recall=recall, leak=leak, extracted=extracted)
