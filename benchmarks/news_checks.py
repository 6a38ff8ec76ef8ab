"""Cost of the built-in news checks as a ratio of the LanguageTool stage on the same files.

Parses each file once, then times (a) the news checks (chrome structure, attribution,
fragment filtering) and (b) the LanguageTool stage without its cache, against the warm
daemon (started if needed). Prints both totals and their ratio.

    python benchmarks/news_checks.py [--count 60] [PATHS...]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from newslint.checks.base import Refiner  # noqa: E402
from newslint.checks.registry import builtin_checks  # noqa: E402
from newslint.config.model import LanguageToolSettings  # noqa: E402
from newslint.documents import format_for_path, parse_document  # noqa: E402
from newslint.languagetool.stage import LanguageToolStage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="article files (default: a generated corpus)")
    parser.add_argument("--count", type=int, default=60, help="generated articles when no paths are given")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = args.paths or write_corpus(tmp, args.count, seed=5)
        docs = [parse_document(Path(p).read_text(encoding="utf-8"), p, format_for_path(p) or "text")
                for p in paths]
        checks = builtin_checks()
        settings = LanguageToolSettings()
        stage = LanguageToolStage.from_options(use_cache=False)
        stage.prepare(settings)

        start = time.perf_counter()
        lt_hits = [stage.check(doc, settings, ()) for doc in docs]
        lt_time = time.perf_counter() - start

        # Each check's rule ids and whether it refines LanguageTool's matches are worked out
        # once, before the clock starts, as the engine's rulebook does for a run.
        plan = [(check, frozenset(info.id for info in check.rules), isinstance(check, Refiner)) for check in checks]
        start = time.perf_counter()
        news_hits = 0
        for doc, hits in zip(docs, lt_hits):
            for check, enabled, refines in plan:
                news_hits += len(check.check(doc, enabled))
                if refines:
                    taken, hits = check.refine(doc, hits)
                    news_hits += len(taken)
        news_time = time.perf_counter() - start
        stage.close()

    size_kb = sum(len(d.text) for d in docs) / 1024
    print(f"{len(docs)} articles, {size_kb:.0f} KB")
    print(f"LanguageTool stage (no cache): {lt_time:8.3f} s  {sum(map(len, lt_hits)):6d} matches")
    print(f"news checks:                   {news_time:8.3f} s  {news_hits:6d} hits")
    print(f"news checks / LanguageTool:    {news_time / lt_time:8.4f}")


if __name__ == "__main__":
    main()
