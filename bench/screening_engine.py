"""The screening engine alone, in one process: no HTTP, no database.

Measures, on a deterministic corpus of about 1,000-character texts (bench/screening_corpus.py):

1. screenings per second on one core and the latency of one screening (p50, p99);
2. the time to build a LexiconMatcher from 20,000 terms, and an Engine whose ruleset adds
   20,000 custom terms to the default lexicon;
3. where the time of one screening goes: each detector alone, in microseconds per text.

Throughput, build times and the breakdown are in CPU time of this process
(time.process_time), so other work on the machine does not count against the engine.
Latencies are given twice: the CPU time of each call (time.thread_time), which is the
engine's own cost, and wall-clock time (time.perf_counter), in which a busy machine (being
descheduled) and the garbage collector show. The corpus is screened once before
measuring: the classifier and the candidate matcher remember the words they have seen, as
they do in a server that has been running for a while. Each detector alone runs with its
data hot in the CPU caches; run together they evict each other's (the classifier's weights,
the lexicon's automaton), which is most of "the rest" in the breakdown, beside the verdict.

Usage::

    .venv/bin/python bench/screening_engine.py [--rounds N] [--texts N] [--write]

`--write` appends the table, with the date, Python version and CPU, to bench/RESULTS.md under
"## Screening engine" (bench/run.py keeps that section when it rewrites the file).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from app.screening.engine.classifier import TextClassifier
from app.screening.engine.context_rules import Candidate, accessibility_hits
from app.screening.engine.engine import Engine, ScreeningInput
from app.screening.engine.lexicon import LexiconMatcher, Term
from app.screening.engine.ruleset import Ruleset
from app.screening.engine.vocabulary import Category, ContentKind, Severity

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_corpus import OFFICIAL_CONTACTS, Sample, corpus

RESULTS_FILE = Path(__file__).resolve().parent / "RESULTS.md"
# bench/run.py rewrites RESULTS.md keeping only blocks between markers like these.
SECTION_START = "<!-- bench:screening-engine -->"
SECTION_END = "<!-- /bench:screening-engine -->"
SECTION_HEADING = "## Screening engine"

ELECTION = "e1"
CANDIDATES = (
    Candidate("Jordan Ellis-Carter", aliases=("J. Ellis-Carter",)),
    Candidate("Priya Raman"),
)
CUSTOM_TERMS = 20_000

GOAL_PER_SECOND = 1_500
GOAL_P99_MS = 3.0
GOAL_LEXICON_BUILD_MS = 100.0


def ruleset(terms: Sequence[Term] = ()) -> Ruleset:
    """The default rules and lexicon, the sample town's candidates and official contacts."""
    return Ruleset(
        version="bench",
        rules={},
        terms=tuple(terms),
        candidates={ELECTION: CANDIDATES},
        allowed_contacts=OFFICIAL_CONTACTS,
    )


def screening_input(sample: Sample) -> ScreeningInput:
    # An election is coming but its period has not started: candidates are looked for, and a
    # post naming one asks for review.
    return ScreeningInput(sample.text, sample.kind, elections=(ELECTION,))


def generated_terms(count: int) -> list[Term]:
    """`count` distinct made-up words and phrases (one to three words) of several categories,
    as an administrator's custom list might hold."""
    rng = random.Random(count)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    categories = (Category.CONFIDENTIAL, Category.PROFANITY, Category.HARASSMENT, Category.SPAM)
    severities = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)
    phrases: dict[str, None] = {}
    while len(phrases) < count:
        words = [
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        phrases[" ".join(words)] = None
    return [
        Term(phrase, categories[i % len(categories)], severities[i % len(severities)])
        for i, phrase in enumerate(phrases)
    ]


def _cpu_us_per_text(
    call: Callable[[Sample], object], samples: Sequence[Sample], rounds: int
) -> float:
    start = time.process_time()
    for _ in range(rounds):
        for sample in samples:
            call(sample)
    return (time.process_time() - start) * 1e6 / (rounds * len(samples))


def _best_ms(build: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        build()
        best = min(best, time.process_time() - start)
    return best * 1000


def _percentile(ordered: Sequence[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(samples: Sequence[Sample], rounds: int) -> list[tuple[str, str, str]]:
    """The rows of the results table: (measure, value, goal)."""
    classifier_load_ms = _best_ms(TextClassifier.load, repeat=1)
    classifier = TextClassifier.load()
    engine = Engine(ruleset(), classifier=classifier)
    inputs = [screening_input(s) for s in samples]
    for item in inputs:  # warm: see the module's docstring
        engine.screen(item)

    wall: list[float] = []
    cpu: list[float] = []
    cpu_start = time.process_time()
    for _ in range(rounds):
        for item in inputs:
            wall_start, cpu_call = time.perf_counter(), time.thread_time()
            engine.screen(item)
            cpu.append(time.thread_time() - cpu_call)
            wall.append(time.perf_counter() - wall_start)
    per_second = len(wall) / (time.process_time() - cpu_start)
    wall.sort()
    cpu.sort()
    latency_rows = [
        (f"latency {name} ({clock})", f"{_percentile(found, q) * 1000:.3f} ms", goal)
        for clock, found in (("CPU", cpu), ("wall", wall))
        for name, q, goal in (
            ("p50", 0.50, ""),
            ("p99", 0.99, _goal(_percentile(found, 0.99) * 1000 <= GOAL_P99_MS, "<= 3 ms")),
        )
    ]

    candidates = engine.candidates[ELECTION]
    assert engine.classifier is not None
    breakdown = {
        "personal information": lambda s: engine.personal_information.find(s.text),
        "lexicon": lambda s: engine.lexicon.find(s.text),
        "candidates": lambda s: candidates.find(s.text),
        "classifier": lambda s: classifier.flagged(s.text),
        "accessibility (posts only)": lambda s: (
            accessibility_hits(s.text, ()) if s.kind is ContentKind.POST else None
        ),
        "total (Engine.screen)": lambda s: engine.screen(screening_input(s)),
    }
    spent = {name: _cpu_us_per_text(call, samples, rounds) for name, call in breakdown.items()}
    total = spent.pop("total (Engine.screen)")
    rest = total - sum(spent.values())

    terms = generated_terms(CUSTOM_TERMS)
    lexicon_ms = _best_ms(lambda: LexiconMatcher(terms))
    big_ruleset = ruleset(terms)
    engine_ms = _best_ms(lambda: Engine(big_ruleset, classifier=classifier))
    big_engine = Engine(big_ruleset, classifier=classifier)
    _cpu_us_per_text(lambda s: big_engine.screen(screening_input(s)), samples, 1)  # warm
    big_us = _cpu_us_per_text(lambda s: big_engine.screen(screening_input(s)), samples, rounds)

    return [
        (
            "screenings per second, one core (CPU time)",
            f"{per_second:,.0f}",
            _goal(per_second >= GOAL_PER_SECOND, f">= {GOAL_PER_SECOND:,}"),
        ),
        *latency_rows,
        *[(f"µs per text: {name}", f"{us:,.0f}", "") for name, us in spent.items()],
        (
            "µs per text: the rest (verdict; detectors evicting each other from the CPU caches)",
            f"{rest:,.0f}",
            "",
        ),
        ("µs per text: total (Engine.screen)", f"{total:,.0f}", ""),
        (
            f"build LexiconMatcher, {CUSTOM_TERMS:,} terms",
            f"{lexicon_ms:,.1f} ms",
            _goal(lexicon_ms < GOAL_LEXICON_BUILD_MS, f"< {GOAL_LEXICON_BUILD_MS:g} ms"),
        ),
        (
            f"build Engine, default lexicon + {CUSTOM_TERMS:,} custom terms",
            f"{engine_ms:,.1f} ms",
            "",
        ),
        (f"µs per text, engine with {CUSTOM_TERMS:,} custom terms", f"{big_us:,.0f}", ""),
        ("load TextClassifier (once per process)", f"{classifier_load_ms:,.1f} ms", ""),
    ]


def _goal(met: bool, goal: str) -> str:
    return f"{goal}: {'met' if met else 'MISSED'}"


def table(rows: Sequence[tuple[str, str, str]]) -> str:
    header = ("measure", "value", "goal")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]

    def render(cells: Sequence[str]) -> str:
        padded = [cells[0].ljust(widths[0]), cells[1].rjust(widths[1]), cells[2].ljust(widths[2])]
        return "| " + " | ".join(padded) + " |"

    rule = f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 1)}:|{'-' * (widths[2] + 2)}|"
    return "\n".join([render(header), rule, *(render(row) for row in rows)])


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def run_description(samples: Sequence[Sample], rounds: int) -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    mean_length = statistics.mean(len(s.text) for s in samples)
    special = Counter(s.special for s in samples if s.special)
    carrying = ", ".join(f"{count} {name}" for name, count in sorted(special.items()))
    return (
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- Python {platform.python_version()}; CPU: {os.cpu_count()} x {_cpu_model()} "
        f"(load average at start: {load})\n"
        f"- Corpus: {len(samples)} texts ({sum(s.kind is ContentKind.POST for s in samples)} "
        f"posts), {mean_length:,.0f} characters on average, carrying: {carrying}; "
        f"{rounds} rounds"
    )


def append_results(description: str, results: str) -> None:
    """Add a run under "## Screening engine", creating the section if it is missing."""
    existing = RESULTS_FILE.read_text() if RESULTS_FILE.exists() else ""
    run = f"{description}\n\n{results}\n"
    if SECTION_START not in existing:
        section = f"{SECTION_START}\n{SECTION_HEADING}\n\n"
        section += "Written by `bench/screening_engine.py` (see its docstring); newest last.\n"
        section += f"\n{run}{SECTION_END}\n"
        RESULTS_FILE.write_text(existing.rstrip("\n") + "\n\n" + section)
        return
    before, _, after = existing.partition(SECTION_END)
    RESULTS_FILE.write_text(f"{before.rstrip(chr(10))}\n\n{run}{SECTION_END}{after}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the screening engine in process.")
    parser.add_argument("--rounds", type=int, default=10, help="passes over the corpus")
    parser.add_argument("--texts", type=int, default=240, help="texts in the corpus (>= 200)")
    parser.add_argument("--write", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.texts < 1:
        parser.error("--rounds and --texts must be >= 1")
    samples = corpus(args.texts)
    description = run_description(samples, args.rounds)
    results = table(measure(samples, args.rounds))
    print(description)
    print()
    print(results)
    if args.write:
        append_results(description, results)
        print(f"\nappended to {RESULTS_FILE.relative_to(RESULTS_FILE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
