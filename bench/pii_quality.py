"""Recall and precision of personal-information detection on generated sentences.

Builds, with a fixed seed, a labelled set of North American sentences: personal information
in varied formats and phrasings, and hard negatives a city's posts and comments are full of
(by-law, permit, tender and invoice numbers, meeting IDs, dates, times, money, ZIP-like counts,
health services without a person, the city's own contacts). A finding counts as correct when
it has the labelled subtype and overlaps the labelled span.

    .venv/bin/python bench/pii_quality.py [--seed N] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pii_sentences import Sentence, build

from app.screening.engine.pii import PersonalInformationDetector

OFFICIAL = ("613-580-2400", "info@ottawa.ca", "110 Laurier Avenue West, Ottawa, ON K1P 1J1")
SUBTYPES = ("phone", "email", "address", "national_id", "credit_card", "date_of_birth", "health")


def evaluate(sentences: list[Sentence], show_errors: bool) -> dict[str, tuple[int, int, int]]:
    detector = PersonalInformationDetector(allowed_contacts=OFFICIAL)
    counts: dict[str, Counter[str]] = {subtype: Counter() for subtype in SUBTYPES}
    for sentence in sentences:
        hits = detector.find(sentence.text)
        matched_hits: set[int] = set()
        for subtype, start, end in sentence.labels:
            index = next(
                (
                    i
                    for i, hit in enumerate(hits)
                    if hit.subtype == subtype and hit.start < end and start < hit.end
                ),
                None,
            )
            if index is None:
                counts[subtype]["fn"] += 1
                if show_errors:
                    print(f"MISSED {subtype}: {sentence.text!r}")
            else:
                counts[subtype]["tp"] += 1
                matched_hits.add(index)
        for i, hit in enumerate(hits):
            if i not in matched_hits:
                counts[hit.subtype or ""]["fp"] += 1
                if show_errors:
                    found = sentence.text[hit.start : hit.end]
                    print(f"FALSE {hit.subtype}: {found!r} in {sentence.text!r}")
    return {s: (c["tp"], c["fp"], c["fn"]) for s, c in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20241121)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    sentences = build(args.seed)
    results = evaluate(sentences, args.show_errors)
    labelled = sum(1 for sentence in sentences if sentence.labels)
    print(f"{len(sentences)} sentences ({labelled} with personal information), seed {args.seed}")
    print(f"{'subtype':<15}{'items':>7}{'recall':>9}{'precision':>11}")
    totals = Counter[str]()
    for subtype, (tp, fp, fn) in results.items():
        totals.update(tp=tp, fp=fp, fn=fn)
        print(f"{subtype:<15}{tp + fn:>7}{ratio(tp, tp + fn):>9}{ratio(tp, tp + fp):>11}")
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    print(f"{'overall':<15}{tp + fn:>7}{ratio(tp, tp + fn):>9}{ratio(tp, tp + fp):>11}")


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "-"


if __name__ == "__main__":
    main()
