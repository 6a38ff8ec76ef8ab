"""newslint's YAML rules against Vale: the same rule set, the same corpus, one run.

One Python description of 30 rules (existence, substitution, occurrence, repetition) is
written twice into a temporary folder: as a newslint pack (``Bench/``, used through
``.newslint.yml``) and as a Vale style (``styles/Bench/`` with ``.vale.ini``); the YAML
files are the same bytes, since newslint reads Vale's rule format. Both tools then check
the same generated corpus (1,000 articles, about 5 MB of txt, md and html):

    newslint check --no-languagetool --select 'Bench.*' -j 2 --format json CORPUS
    newslint check ... -j 1
    vale --config .vale.ini --output JSON CORPUS            (both cores)
    GOMAXPROCS=1 taskset -c 0 vale ...                      (one core)

and the benchmark prints MB/s, the ratio to Vale on the same cores, peak memory, and
the hit count of each rule in both tools. Vale is looked up on PATH and in ~/go/bin;
install it with

    go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0

(the old github.com/errata-ai path and releases 3.23 to 3.26 do not build with go install).
Without Vale, the Vale rows are skipped with that message.

    python benchmarks/vale_compare.py [--count 1000] [--repeat 3] [--profile]
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

from common import (Result, Row, clean_env, corpus, corpus_dir, mb, mib, newslint_command,  # noqa: E402
                    repeat, timed, which)

STYLE = "Bench"
VALE_INSTALL = "go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0"

# The rule set, once. Each entry: file stem -> the rule as Vale writes it.
RULES: dict[str, dict] = {
    # existence
    "Hedges": {"extends": "existence", "message": "Hedging word '%s'.", "level": "suggestion",
               "ignorecase": True, "tokens": ["could", "might", "perhaps", "possibly"]},
    "Weasel": {"extends": "existence", "message": "Weasel word '%s'.", "level": "suggestion",
               "ignorecase": True, "tokens": ["very", "really", "quite", "simply", "extremely"]},
    "Cliches": {"extends": "existence", "message": "Cliché: '%s'.", "level": "warning", "ignorecase": True,
                "tokens": ["long enough", "fair outcome", "do not add up", "at the end of the day"]},
    "Jargon": {"extends": "existence", "message": "Jargon: '%s'.", "level": "warning", "ignorecase": True,
               "tokens": ["stakeholders?", "synerg(?:y|ies)", "leverag(?:e|ed|ing)", "paradigm"]},
    "Vague": {"extends": "existence", "message": "Vague time '%s'.", "level": "suggestion",
              "tokens": ["late last week", "on Tuesday evening", "before the end of the fiscal year"]},
    "Attribution": {"extends": "existence", "message": "Check the source: '%s'.", "level": "suggestion",
                    "ignorecase": True, "tokens": ["according to", "documents reviewed by"]},
    "Percent": {"extends": "existence", "message": "Number and 'percent': '%s'.", "level": "suggestion",
                "tokens": [r"\d+ percent"]},
    "PercentSign": {"extends": "existence", "message": "Spell out 'percent': '%s'.", "level": "warning",
                    "nonword": True, "tokens": [r"\d+%"]},
    "USAbbrev": {"extends": "existence", "message": "Use 'U.S.': '%s'.", "level": "warning",
                 "tokens": ["US"]},
    "DoubleSpace": {"extends": "existence", "message": "Two spaces.", "level": "warning",
                    "nonword": True, "tokens": ["[a-z]  [A-Za-z]"]},
    "Amid": {"extends": "existence", "message": "Loaded connective '%s'.", "level": "suggestion",
             "tokens": ["amid", "despite", "following"]},
    "Passive": {"extends": "existence", "message": "Passive voice: '%s'.", "level": "suggestion",
                "ignorecase": True, "tokens": [r"(?:was|were|been|being|is|are) [a-z]+ed"]},
    # substitution
    "Toward": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "warning",
               "swap": {"towards": "toward", "afterwards": "afterward"}},
    "PerCent": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "warning",
                "swap": {"per cent": "percent"}},
    "Lengthy": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                "ignorecase": True, "swap": {"lengthy": "long", "in order to": "to", "utilize": "use"}},
    "Lawmakers": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                  "swap": {"Lawmakers": "Legislators", "lawmakers": "legislators"}},
    "Postponed": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                  "ignorecase": True, "swap": {"postponed": "delayed", "criticized": "faulted"}},
    "Stricter": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                 "ignorecase": True, "swap": {"stricter": "tougher", "widen": "broaden"}},
    "ShortTerm": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "warning",
                  "swap": {"short-term rentals": "short-term lets", "rail yard": "railyard"}},
    "Spokeswoman": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                    "swap": {"spokeswoman": "spokesperson", "spokesman": "spokesperson"}},
    "Months": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "warning",
               "swap": {"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.",
                        "October": "Oct.", "November": "Nov.", "December": "Dec."}},
    "Hospitals": {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "suggestion",
                  "ignorecase": True, "swap": {"regional hospitals": "area hospitals",
                                               "rural clinics": "country clinics"}},
    # occurrence
    "SentenceLength": {"extends": "occurrence", "message": "Sentence longer than 30 words.",
                       "level": "suggestion", "scope": "sentence", "max": 30, "token": r"[^\s]+"},
    "Commas": {"extends": "occurrence", "message": "More than three commas in a sentence.",
               "level": "suggestion", "scope": "sentence", "max": 3, "token": ","},
    "SaidPerParagraph": {"extends": "occurrence", "message": "'said' more than twice in a paragraph.",
                         "level": "suggestion", "scope": "paragraph", "max": 2, "token": r"\bsaid\b"},
    "Numbers": {"extends": "occurrence", "message": "More than three numbers in a sentence.",
                "level": "suggestion", "scope": "sentence", "max": 3, "token": r"\d+"},
    # repetition
    "Repetition": {"extends": "repetition", "message": "'%s' is repeated.", "level": "error",
                   "alpha": True, "tokens": [r"[^\s]+"]},
    "RepeatedThe": {"extends": "repetition", "message": "'%s' is repeated.", "level": "error",
                    "ignorecase": True, "tokens": [r"\bthe\b"]},
    "RepeatedSaid": {"extends": "repetition", "message": "'%s' is repeated.", "level": "error",
                     "tokens": [r"\bsaid\b"]},
    "RepeatedAnd": {"extends": "repetition", "message": "'%s' is repeated.", "level": "error",
                    "ignorecase": True, "tokens": [r"\b(?:and|or|to|of|in)\b"]},
}


def write_rule_sets(base: Path) -> tuple[Path, Path]:
    """The newslint config and the Vale config, each beside its copy of the rules."""
    newslint_dir, vale_dir = base / "newslint", base / "vale"
    for folder in (newslint_dir / STYLE, vale_dir / "styles" / STYLE):
        folder.mkdir(parents=True, exist_ok=True)
        for stem, rule in RULES.items():
            (folder / f"{stem}.yml").write_text(yaml.safe_dump(rule, sort_keys=False, allow_unicode=True),
                                                encoding="utf-8")
    newslint_config = newslint_dir / ".newslint.yml"
    newslint_config.write_text(f"extends: [./{STYLE}]\nlanguagetool: {{enabled: false}}\n", encoding="utf-8")
    vale_config = vale_dir / ".vale.ini"
    vale_config.write_text(f"StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = {STYLE}\n",
                           encoding="utf-8")
    return newslint_config, vale_config


def find_vale() -> str | None:
    gopath = os.environ.get("GOPATH") or str(Path.home() / "go")
    return which("vale", [Path(gopath) / "bin", Path.home() / "go" / "bin"])


def newslint_hits(run) -> collections.Counter:
    return collections.Counter(f["rule"] for f in run.json()["findings"])


def vale_hits(run) -> collections.Counter:
    data = run.json()
    return collections.Counter(alert["Check"] for alerts in data.values() for alert in alerts)


def run(count: int = 1000, repeats: int = 3, profile: bool = False, base: Path | None = None) -> Result:
    result = Result("vale")
    with tempfile.TemporaryDirectory(prefix="newslint-vale-") as tmp:
        tmp_path = base or Path(tmp)
        paths, size = corpus(tmp_path, count)
        target = corpus_dir(paths)
        newslint_config, vale_config = write_rule_sets(tmp_path / "rules")
        result.say(f"corpus: {count} articles, {mb(size):.1f} MB; {len(RULES)} rules "
                   f"({', '.join(f'{n} {k}' for k, n in collections.Counter(r['extends'] for r in RULES.values()).items())})")
        env = clean_env()
        ours = newslint_command() + ["check", "--no-languagetool", "--config", str(newslint_config),
                                     "--select", f"{STYLE}.*", "--format", "json", "-q"]
        timings = {}
        for jobs in (2, 1):
            timings[f"newslint -j {jobs}"] = repeat(repeats, lambda j=jobs: timed(ours + ["-j", str(j), target],
                                                                                  env=env))
        vale = find_vale()
        if vale:
            cmd = [vale, "--config", str(vale_config), "--output", "JSON", "--no-exit", target]
            timings["vale (2 cores)"] = repeat(repeats, lambda: timed(cmd, env=env))
            one_core = ["taskset", "-c", "0"] if which("taskset") else []
            timings["vale (1 core)"] = repeat(repeats, lambda: timed(one_core + cmd, env={**env, "GOMAXPROCS": "1"}))
        else:
            result.say(f"vale not found on PATH or in ~/go/bin: skipping the Vale rows; install it with\n    {VALE_INSTALL}")

        result.say(f"{'run':<18}{'seconds':>9}{'MB/s':>8}{'max RSS':>10}{'tree RSS':>10}{'hits':>8}")
        counts = {}
        for name, t in timings.items():
            counts[name] = vale_hits(t) if name.startswith("vale") else newslint_hits(t)
            result.say(f"{name:<18}{t.seconds:>9.2f}{mb(size) / t.seconds:>8.2f}{mib(t.max_rss):>10}"
                       f"{mib(t.tree_rss):>10}{sum(counts[name].values()):>8}")

        for jobs, cores in ((2, "2 cores"), (1, "1 core")):
            ours_t = timings[f"newslint -j {jobs}"]
            vale_t = timings.get(f"vale ({cores})")
            ours_rate = mb(size) / ours_t.seconds
            if vale_t is None:
                result.rows.append(Row("YAML rules vs Vale", f"MB/s, {cores} (-j {jobs})", f"{ours_rate:.2f}",
                                       "vale missing", "", ">= 1.0x", f"install: {VALE_INSTALL}"))
                continue
            vale_rate = mb(size) / vale_t.seconds
            result.rows.append(Row("YAML rules vs Vale", f"MB/s, {cores} (-j {jobs})", f"{ours_rate:.2f}",
                                   f"vale {vale_rate:.2f}", f"{ours_rate / vale_rate:.2f}x", ">= 1.0x"))
            result.rows.append(Row("YAML rules vs Vale", f"peak memory, {cores}", mib(ours_t.tree_rss),
                                   f"vale {mib(vale_t.tree_rss)}", f"{ours_t.tree_rss / vale_t.tree_rss:.2f}x", "",
                                   "sum over processes"))
        if vale:
            ours_c, vale_c = counts["newslint -j 2"], counts["vale (2 cores)"]
            total_o, total_v = sum(ours_c.values()), sum(vale_c.values())
            result.rows.append(Row("YAML rules vs Vale", "hits", str(total_o), f"vale {total_v}",
                                   f"{total_o / max(1, total_v):.2f}x", "about 1.0x"))
            result.say("\nhits per rule (newslint / vale):")
            for stem in RULES:
                rule = f"{STYLE}.{stem}"
                mark = "" if ours_c[rule] == vale_c[rule] else "   <- differs"
                result.say(f"  {rule:<24}{ours_c[rule]:>7}{vale_c[rule]:>7}{mark}")
        if profile:
            profile_newslint(paths, newslint_config, result)
    return result


def profile_newslint(paths: list[str], config: Path, result: Result, top: int = 25) -> None:
    """cProfile of the -j 1 pass in this process: where newslint's time goes."""
    import cProfile
    import io
    import pstats

    from newslint.engine import Linter, LintOptions

    linter = Linter(LintOptions(config_path=str(config), select=(f"{STYLE}.*",), languagetool=False, jobs=1))
    linter.lint_paths(paths[:50])                       # compile the rules outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    linter.lint_paths(paths)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    result.say("\nnewslint -j 1 profile (sorted by own time):")
    for line in out.getvalue().splitlines():
        if line.strip() and not line.startswith(("   Ordered", "   List reduced")):
            result.say("  " + line.rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool (the fastest is reported)")
    parser.add_argument("--profile", action="store_true", help="also print newslint's cProfile top entries")
    args = parser.parse_args()
    result = run(args.count, args.repeat, args.profile)
    print()
    from common import print_rows

    print_rows(result.rows)


if __name__ == "__main__":
    main()
