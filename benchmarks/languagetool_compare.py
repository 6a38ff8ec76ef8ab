"""The LanguageTool stage against raw LanguageTool HTTP on the same text and server.

The benchmark starts its own LanguageTool daemon (a private data folder that reuses the
install NEWSLINT_DATA_DIR points at, through ``newslint languagetool install --path``), so
no other daemon is touched, and stops it at the end. On the same documents it times:

- raw: one ``POST /v2/check`` per document, the document's prose segments joined by blank
  lines as plain ``text``, with the settings newslint sends (language, disabled rules),
  through urllib; one thread, then two (the server runs two check threads);
- the stage API: ``LanguageToolStage(..., StageOptions(use_cache=False)).check(doc)``
  document by document (annotated text, match mapping, vocabulary filter included);
- the CLI: ``newslint check --select 'lt.*' --no-cache -j 1`` and ``-j 2`` (process start,
  reading and parsing files included);
- a pool of two servers: a second private daemon on another port, and
  ``newslint check --languagetool-url A --languagetool-url B -j 2`` against the same run
  with ``A`` only.

The server is warmed up first with a raw and a stage pass over the same documents; then
the raw and newslint runs take turns, ``--repeat`` rounds in alternating order, so they
meet the server (and its own sentence cache, ``cacheSize=1000``) in the same state;
medians are reported. Target: stage <= 1.1x raw.

    NEWSLINT_DATA_DIR=... python benchmarks/languagetool_compare.py [--count 40] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (LANGUAGETOOL_MISSING, PrivateServer, Result, Row, corpus, languagetool_root,  # noqa: E402
                    mb, newslint_command, print_rows, timed)

from newslint.config.model import LanguageToolSettings  # noqa: E402
from newslint.documents import format_for_path, parse_document  # noqa: E402
from newslint.documents.decode import decode_bytes  # noqa: E402
from newslint.languagetool.annotated import document_pieces  # noqa: E402
from newslint.languagetool.server import MAX_TEXT_LENGTH  # noqa: E402
from newslint.languagetool.stage import LanguageToolStage, StageOptions, request_params  # noqa: E402


def load_documents(paths: list[str]):
    docs = []
    for path in paths:
        with open(path, "rb") as fh:
            docs.append(parse_document(decode_bytes(fh.read(), path), path, format_for_path(path) or "text"))
    return docs


def plain_text(doc) -> str:
    """What a caller without newslint would send: the prose, paragraphs split by blank lines."""
    return "\n\n".join(piece.text for piece in document_pieces(doc, MAX_TEXT_LENGTH))


class RawClient:
    def __init__(self, url: str, params: dict[str, str]):
        self.url = url.rstrip("/") + "/v2/check"
        self.params = params
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def check(self, text: str) -> int:
        data = urllib.parse.urlencode({**self.params, "text": text}).encode("utf-8")
        with self.opener.open(self.url, data=data, timeout=300) as resp:
            return len(json.loads(resp.read())["matches"])

    def run(self, texts: list[str], threads: int) -> tuple[float, int]:
        start = time.perf_counter()
        if threads == 1:
            matches = sum(self.check(t) for t in texts)
        else:
            with ThreadPoolExecutor(threads) as pool:
                matches = sum(pool.map(self.check, texts))
        return time.perf_counter() - start, matches


def stage_run(stage: LanguageToolStage, docs) -> tuple[float, int]:
    start = time.perf_counter()
    hits = sum(len(stage.check(doc)) for doc in docs)
    return time.perf_counter() - start, hits


def run(count: int = 40, repeats: int = 3, install_root: str | None = None, pool: bool = True) -> Result:
    result = Result("languagetool")
    install_root = install_root or languagetool_root()
    if not install_root:
        result.say(LANGUAGETOOL_MISSING + "; skipping the LanguageTool rows")
        result.rows.append(Row("LT stage vs raw HTTP", "skipped", "", "", "", "<= 1.1x", "LanguageTool not installed"))
        return result
    settings = LanguageToolSettings()
    params = request_params(settings)
    with tempfile.TemporaryDirectory(prefix="newslint-lt-") as tmp:
        tmp_path = Path(tmp)
        paths, size = corpus(tmp_path, count, seed=23)
        folder = str(Path(paths[0]).parent)
        docs = load_documents(paths)
        texts = [plain_text(d) for d in docs]
        result.say(f"documents: {count} articles, {mb(size):.2f} MB of files, "
                   f"{sum(map(len, texts)) / 1e6:.2f} M characters of prose; settings {params}")
        with PrivateServer(tmp_path / "lt-a", install_root) as server:
            raw = RawClient(server.url, params)
            stage = LanguageToolStage(settings, StageOptions(use_cache=False, data_dir=str(server.data_dir)))
            stage.prepare()
            raw.run(texts, 1)                                   # warm-up: rules, JIT, sentence cache
            stage_run(stage, docs)
            cli = newslint_command() + ["check", "--select", "lt.*", "--no-cache", "--format", "json", "-q"]
            env = {**server.env, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
            times: dict[str, list[float]] = {k: [] for k in ("raw 1", "stage", "cli -j 1", "raw 2", "cli -j 2")}
            found: dict[str, int] = {}
            def cli_run(jobs: int) -> tuple[float, int]:
                t = timed(cli + ["-j", str(jobs), folder], env=env)
                return t.seconds, len(t.json()["findings"])

            order = [("raw 1", lambda: raw.run(texts, 1)), ("stage", lambda: stage_run(stage, docs)),
                     ("cli -j 1", lambda: cli_run(1)), ("raw 2", lambda: raw.run(texts, 2)),
                     ("cli -j 2", lambda: cli_run(2))]
            for round_ in range(repeats):
                # Alternate the order, so that neither side always meets the server first.
                for name, fn in (order if round_ % 2 == 0 else order[::-1]):
                    seconds, found[name] = fn()
                    times[name].append(seconds)
            stage.close()
            if pool:
                with PrivateServer(tmp_path / "lt-b", install_root) as second:
                    RawClient(second.url, params).run(texts, 2)   # warm the second server alike
                    one = cli + ["--languagetool-url", server.url]
                    two = one + ["--languagetool-url", second.url]
                    times["url A -j 2"], times["urls A+B -j 2"] = [], []
                    for round_ in range(repeats):
                        pair = (("url A -j 2", one), ("urls A+B -j 2", two))
                        for name, cmd in (pair if round_ % 2 == 0 else pair[::-1]):
                            t = timed(cmd + ["-j", "2", folder], env=env)
                            times[name].append(t.seconds)
                            found[name] = len(t.json()["findings"])
    med = {k: statistics.median(v) for k, v in times.items()}
    result.say(f"{'run':<16}{'median s':>9}{'KB/s':>8}{'matches/hits':>14}")
    for name, seconds in med.items():
        result.say(f"{name:<16}{seconds:>9.2f}{size / 1e3 / seconds:>8.1f}{found.get(name, 0):>14}")
    target = "<= 1.1x"
    result.rows.append(Row("LT stage vs raw HTTP", "stage API / raw, 1 thread", f"{med['stage']:.1f} s",
                           f"raw {med['raw 1']:.1f} s", f"{med['stage'] / med['raw 1']:.2f}x", target,
                           f"{count} docs, no cache"))
    result.rows.append(Row("LT stage vs raw HTTP", "CLI -j 1 / raw, 1 thread", f"{med['cli -j 1']:.1f} s",
                           f"raw {med['raw 1']:.1f} s", f"{med['cli -j 1'] / med['raw 1']:.2f}x", target,
                           "incl. start-up and parsing"))
    result.rows.append(Row("LT stage vs raw HTTP", "CLI -j 2 / raw, 2 threads", f"{med['cli -j 2']:.1f} s",
                           f"raw {med['raw 2']:.1f} s", f"{med['cli -j 2'] / med['raw 2']:.2f}x", target,
                           "incl. start-up and parsing"))
    result.rows.append(Row("LT scaling", "CLI -j 2 speed-up over -j 1", f"{med['cli -j 2']:.1f} s",
                           f"-j 1 {med['cli -j 1']:.1f} s", f"{med['cli -j 1'] / med['cli -j 2']:.2f}x", "",
                           f"raw 2 threads: {med['raw 1'] / med['raw 2']:.2f}x"))
    if pool:
        result.rows.append(Row("LT scaling", "pool of 2 servers, -j 2", f"{med['urls A+B -j 2']:.1f} s",
                               f"1 server {med['url A -j 2']:.1f} s",
                               f"{med['url A -j 2'] / med['urls A+B -j 2']:.2f}x", "", "speed-up, 2 cores"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="documents")
    parser.add_argument("--repeat", type=int, default=3, help="alternating rounds (medians reported)")
    parser.add_argument("--languagetool-path", default=None,
                        help="an installed LanguageTool folder (default: NEWSLINT_DATA_DIR's)")
    parser.add_argument("--no-pool", action="store_true", help="skip the two-server pool")
    args = parser.parse_args()
    result = run(args.count, args.repeat, args.languagetool_path, not args.no_pool)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
