"""Claim matching on the labelled Vietnamese pairs (lantoa/factcheck/data/claim_pairs.csv).

Thresholds are chosen on the dev split (even groups) and reported on the held-out test split (odd
groups): *suggest* = the highest threshold keeping dev recall 1.0; *auto* = 0.05 above the lowest
threshold from which dev precision stays 1.0. Figures: pairwise precision/recall of ``score_pairs``, recall per variant
kind, and retrieval as production runs it (``best_matches`` of each variant against every claim of
the split: counted correct only when the best claim is its own).
"""

import json
import time

from bench.report import write_section
from lantoa.factcheck import matching
from lantoa.factcheck.dataset import LabelledPair, load_pairs


def _pr(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / (tp + fn) if tp + fn else 0.0


def _choose(scores: list[float], labels: list[bool]) -> tuple[float, float]:
    grid = [round(0.2 + i * 0.01, 2) for i in range(70)]
    # Suggest: catch every dev positive (a checker screens suggestions). Auto: no dev false
    # positive at or above it, plus a 0.05 safety margin (attaching wrongly is costly).
    suggest = max(t for t in grid if _pr(scores, labels, t)[1] >= 1.0)
    clean = min(t for t in grid if all(_pr(scores, labels, u)[0] >= 1.0 for u in grid if u >= t))
    return suggest, round(max(clean + 0.05, suggest), 2)


def _retrieval(pairs: list[LabelledPair], threshold: float) -> tuple[int, int, int]:
    claims = {p.group: p.claim for p in pairs}
    candidates = [matching.Candidate(claim_id=g, text=t) for g, t in claims.items()]
    positives = [p for p in pairs if p.label]
    found = matching.best_matches([p.text for p in positives], candidates, minimum=threshold)
    right = sum(1 for p, m in zip(positives, found, strict=True) if m and m.claim_id == p.group)
    wrong = sum(1 for p, m in zip(positives, found, strict=True) if m and m.claim_id != p.group)
    return right, wrong, len(positives)


def main() -> None:
    pairs = load_pairs()
    started = time.perf_counter()
    scores = matching.score_pairs([(p.claim, p.text) for p in pairs])
    per_pair_ms = (time.perf_counter() - started) * 1000 / len(pairs)
    dev = [(s, p) for s, p in zip(scores, pairs, strict=True) if p.split == "dev"]
    test = [(s, p) for s, p in zip(scores, pairs, strict=True) if p.split == "test"]
    suggest, auto = _choose([s for s, _ in dev], [p.label for _, p in dev])
    rows = []
    for name, split in (("dev", dev), ("test (held out)", test)):
        s, y = [x for x, _ in split], [p.label for _, p in split]
        for label, t in (("suggest", suggest), ("auto", auto)):
            precision, recall = _pr(s, y, t)
            rows.append(
                f"| {name} | {label} {t:.2f} | {len(split)} | {precision:.3f} | {recall:.3f} |"
            )
    kinds = sorted({p.kind for p in pairs if p.label})
    kind_rows = []
    for kind in kinds:
        part = [s for s, p in test if p.kind == kind]
        kind_rows.append(
            f"| {kind} | {len(part)} | {sum(x >= suggest for x in part) / len(part):.3f} "
            f"| {sum(x >= auto for x in part) / len(part):.3f} |"
        )
    for kind in sorted({p.kind for p in pairs if not p.label}):
        part = [s for s, p in test if p.kind == kind]
        kind_rows.append(
            f"| {kind} (negative: share wrongly above) | {len(part)} "
            f"| {sum(x >= suggest for x in part) / len(part):.3f} "
            f"| {sum(x >= auto for x in part) / len(part):.3f} |"
        )
    test_pairs = [p for _, p in test]
    retrieval = [
        f"| {label} {t:.2f} | {r}/{n} ({r / n:.3f}) | {w} |"
        for label, t in (("suggest", suggest), ("auto", auto))
        for r, w, n in [_retrieval(test_pairs, t)]
    ]
    body = f"""
{len(pairs)} labelled pairs built from {len({p.group for p in pairs})} hand-written groups of
Vietnamese public-affairs rumours (fake fees, policy announcements, health hoaxes, disaster
rumours, phishing): per group a paraphrase, a reordering, the reordering without diacritics, the
claim with emojis/hashtags/a link, a partial quote (positives) and a same-subject unrelated
statement and another group's paraphrase (negatives). Even groups = dev (thresholds chosen),
odd groups = held-out test. Score = {matching.COSINE_WEIGHT} × character 2–5-gram TF-IDF cosine
+ {1 - matching.COSINE_WEIGHT} × word/word-pair containment, on NFC, diacritic-folded text with
emojis, hashtag signs and URLs removed. {per_pair_ms:.2f} ms per pair.

Chosen on dev: suggest ≥ {suggest:.2f} (dev recall 1.0), auto-match ≥ {auto:.2f} (0.05 above
the point from which dev precision stays 1.0). Defaults in `lantoa/factcheck/matching.py`: suggest {matching.DEFAULT_SUGGEST},
auto {matching.DEFAULT_AUTO}; each organisation may set its own.

| split | threshold | pairs | precision | recall |
|---|---|---|---|---|
{chr(10).join(rows)}

Held-out test, by variant kind (share of pairs at or above the threshold):

| kind | pairs | ≥ suggest | ≥ auto |
|---|---|---|---|
{chr(10).join(kind_rows)}

Retrieval on the held-out groups as production runs it (each positive variant against all
{len({p.group for p in test_pairs})} test claims at once; right = best claim is its own):

| threshold | right | wrong claim |
|---|---|---|
{chr(10).join(retrieval)}
"""
    write_section("factcheck", "Claim matching (lantoa.factcheck)", body)
    print(json.dumps({"suggest": suggest, "auto": auto}))
