"""The engine: files -> documents -> checks -> findings.

Everything hangs off a :class:`Linter` (no process-global state), so the same code runs
in the CLI, the language server, the tests, the benchmarks, and inside any worker of a
distributed run. Per-file problems become :class:`~newslint.findings.FileError` entries;
one bad file never stops the others.
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import fnmatch
import itertools
import os
import signal
import threading
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from newslint.checks.base import Check, FixSafety, Hit, Notice, RuleInfo
from newslint.checks.registry import builtin_checks
from newslint.checks.rules import RuleTimeoutError, compile_rules, load_packs
from newslint.config.discovery import ConfigResolver, is_excluded, is_included
from newslint.config.model import Config, level_of
from newslint.config.rule_ids import unknown_rule_glob
from newslint.documents import format_for_path, parse_document
from newslint.documents.decode import decode_bytes
from newslint.documents.model import Document
from newslint.documents.suppressions import is_suppressed
from newslint.errors import (ConfigError, DocumentError, LanguageToolError, LanguageToolNotInstalled,
                             NewslintError)
from newslint.findings import Category, FileError, Finding, Fix, Severity, Source
from newslint.languagetool.paths import URL_ENV
from newslint.regular_files import read_regular_file
from newslint.report import FileResult, Report

# Folders never descended into when a directory is given.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})


@dataclass(frozen=True)
class LintOptions:
    """Run-wide options (the CLI's switches); per-file settings come from Config."""

    config_path: str | None = None
    select: tuple[str, ...] = ()          # rule-id globs; empty: all
    ignore: tuple[str, ...] = ()          # rule-id globs
    languagetool: bool = True             # False: --no-languagetool
    languagetool_urls: tuple[str, ...] = ()
    use_cache: bool = True
    jobs: int = 1
    announce_start: bool = False          # say on stderr when the run starts LanguageTool


@dataclass
class RuleBook:
    """The compiled checks for one set of packs, shared by every file that uses them."""

    checks: tuple[Check, ...]
    rules: dict[str, RuleInfo]
    owned: tuple[frozenset[str], ...]      # rule ids of each check, same order as checks
    notices: tuple[Notice, ...] = ()       # rules the packs hold that newslint cannot run
    skipped: frozenset[str] = frozenset()  # their ids: a config may still name them

    @classmethod
    def build(cls, config: Config) -> "RuleBook":
        skipped: list = []
        yaml_rules = load_packs(config.extends, config.root, skipped)
        checks = (compile_rules(yaml_rules, config.vocab_reject, config.vocab_accept,
                                (config.token_ignores, config.block_ignores, config.skipped_scopes)), *builtin_checks(config.vocab_names))
        rules: dict[str, RuleInfo] = {}
        for check in checks:
            for info in check.rules:
                rules[info.id] = info
        owned = tuple(frozenset(info.id for info in check.rules) for check in checks)
        return cls(checks, rules, owned, tuple(s.notice() for s in skipped),
                   frozenset(s.rule_id for s in skipped))


def _languagetool_error(path: str, exc: LanguageToolError) -> FileError:
    """A missing installation is the run's error (said once, with the command that fixes
    it); any other failure is the file's. The message names LanguageTool once."""
    message = str(exc)
    if isinstance(exc, LanguageToolNotInstalled):
        return FileError("", f"{message} (or check without grammar and spelling: --no-languagetool)")
    return FileError(path, message if message.startswith("LanguageTool") else f"LanguageTool: {message}")


def _check_rule_ids(config: Config, book: RuleBook) -> None:
    """Raise ConfigError at the line of the first rule id or glob in a .newslint.yml that
    names no rule (a rule its packs hold but newslint skips counts as named). Settings
    read from a .vale.ini are left alone: they may name Vale's own rules."""
    known = (*book.rules, *book.skipped)
    for glob, line in config.rule_lines:
        problem = unknown_rule_glob(glob, known)
        if problem is not None:
            raise ConfigError(config.path or "config", f"rules: {problem}", line)


def _selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not any(fnmatch.fnmatchcase(rule_id, p) for p in select):
        return False
    return not any(fnmatch.fnmatchcase(rule_id, p) for p in ignore)


class Linter:
    """Lints text and files with one set of options. Caches compiled rules per config."""

    def __init__(self, options: LintOptions | None = None, config: Config | None = None, executor=None):
        self.options = options or LintOptions()
        # Where files fan out (see newslint.execution); None: this process or the -j pool.
        self.executor = executor
        self._fixed_config = config
        self._resolver = self._new_resolver()
        self._rulebooks: dict[tuple, RuleBook] = {}
        self._levels: dict[tuple, dict[str, Severity]] = {}
        self._checked_ids: set[Config] = set()
        self._catalogs: dict[str, object] = {}     # language -> LanguageTool's RuleCatalog or None
        self._lt_stage = None

    # Pickled into worker processes without caches (compiled regexes do not pickle).
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_rulebooks"] = {}
        state["_levels"] = {}
        state["_checked_ids"] = set()
        state["_catalogs"] = {}
        state["_lt_stage"] = None
        state["executor"] = None
        state["_resolver"] = self._new_resolver()
        return state

    def _new_resolver(self) -> ConfigResolver:
        given = bool(self.options.languagetool_urls or os.environ.get(URL_ENV, "").strip())
        return ConfigResolver(self.options.config_path, servers_given=given)

    # -- configuration -------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        if self._fixed_config is not None:
            return self._fixed_config
        if path == "-":
            return self._resolver.for_stdin(path)
        return self._resolver.for_file(path)

    def rulebook(self, config: Config) -> RuleBook:
        key = (config.extends, config.root, config.vocab_reject, config.vocab_accept,
               config.token_ignores, config.block_ignores, config.skipped_scopes, config.vocab_names)
        book = self._rulebooks.get(key)
        if book is None:
            book = self._rulebooks[key] = RuleBook.build(config)
        if config not in self._checked_ids:
            _check_rule_ids(config, book)
            self._checked_ids.add(config)
        return book

    def check_selection(self, paths: Sequence[str]) -> None:
        """Raise ConfigError (naming the option) when a ``--select`` or ``--ignore`` glob
        matches no rule of the configs that the given paths use."""
        globs = [("--select", g) for g in self.options.select] + [("--ignore", g) for g in self.options.ignore]
        if not globs:
            return
        known: set[str] = set()
        for path in paths or (".",):
            folder = os.getcwd() if path == "-" else path if os.path.isdir(path) else None
            probe = os.path.join(folder, "article.txt") if folder is not None else path
            try:
                known.update(self.rulebook(self.config_for(probe)).rules)
            except ConfigError:
                continue                     # reported with the files it governs
        if not known:
            return
        for option, glob in globs:
            problem = unknown_rule_glob(glob, known)
            if problem is not None:
                raise ConfigError(option, problem)

    def _severities(self, book: RuleBook, levels: tuple[tuple[str, str], ...],
                    min_level: Severity = Severity.SUGGESTION) -> dict[str, Severity]:
        key = (id(book), levels, min_level)
        found = self._levels.get(key)
        if found is None:
            found = {}
            for rule_id, info in book.rules.items():
                level = level_of(rule_id, levels, str(info.severity))
                if level != "off" and _selected(rule_id, self.options.select, self.options.ignore):
                    found[rule_id] = Severity.parse(level)
            if min_level > Severity.SUGGESTION:
                found = {r: s for r, s in found.items() if s >= min_level}
            self._levels[key] = found
        return found

    def _languagetool_on(self, config: Config) -> bool:
        return self.options.languagetool and config.languagetool.enabled

    def languagetool_stage(self):
        if self._lt_stage is None:
            from newslint.languagetool.stage import LanguageToolStage

            self._lt_stage = LanguageToolStage.from_options(
                urls=self.options.languagetool_urls, use_cache=self.options.use_cache,
                announce_start=self.options.announce_start)
        return self._lt_stage

    # -- linting -------------------------------------------------------------------

    def lint_text(self, text: str, path: str = "-", config: Config | None = None,
                  fmt: str | None = None) -> FileResult:
        """Lint already-decoded text; ``path`` decides the format and appears in findings."""
        try:
            config = config or self.config_for(path)
            book = self.rulebook(config)
        except ConfigError as exc:
            return FileResult(path, errors=[_config_error(exc)])
        if not text.strip():
            # A stub or a cleared file: checked and clean, and said so.
            return FileResult(path, notices=[Notice("empty-file", f"{path}: empty file, nothing to check")])
        doc = parse_document(text, path, fmt or format_for_path(path) or "text")
        return self._lint_document(doc, config, book)

    def lint_file(self, path: str) -> FileResult:
        try:
            text = decode_bytes(_read_regular_file(path), path)
        except DocumentError as exc:
            return FileResult(path, errors=[FileError(path, exc.message)])
        except OSError as exc:
            return FileResult(path, errors=[FileError(path, _os_message(exc))])
        return self.lint_text(text, path)

    def _lint_document(self, doc: Document, config: Config, book: RuleBook) -> FileResult:
        levels = config.levels_for(_relative(doc.path, config.root))
        severities = self._severities(book, levels, Severity.parse(config.min_level))
        result = FileResult(doc.path, notices=list(book.notices))
        hits: list[Hit] = []
        for check, owned in zip(book.checks, book.owned):
            enabled = owned.intersection(severities) if owned else frozenset()
            if enabled:
                try:
                    hits.extend(check.check(doc, enabled))
                except RuleTimeoutError as exc:
                    result.errors.append(FileError(doc.path, str(exc)))
        if self._languagetool_on(config):
            stage = self.languagetool_stage()
            try:
                lt_hits = stage.check(doc, config.languagetool, config.vocab_accept)
            except LanguageToolError as exc:
                result.errors.append(_languagetool_error(doc.path, exc))
                lt_hits = []
            except RuleTimeoutError as exc:      # a vocab.accept entry that runs too long
                result.errors.append(FileError(doc.path, str(exc)))
                lt_hits = []
            for warning in getattr(stage, "take_warnings", list)():
                result.notices.append(Notice("languagetool-cache", warning))
            for check in book.checks:
                consume = getattr(check, "from_languagetool", None)
                if consume is not None:
                    taken, lt_hits = consume(doc, lt_hits)
                    hits.extend(h for h in taken if h.rule in severities)
            hits.extend(lt_hits)
        else:
            unchecked = sorted(rule for check, owned in zip(book.checks, book.owned)
                               if getattr(check, "requires_languagetool", False)
                               for rule in owned if rule in severities)
            if unchecked:
                result.notices.append(Notice(
                    "languagetool-off",
                    f"{', '.join(unchecked)} not checked: these checks need LanguageTool, which is off"))
        result.findings = self._findings(doc, hits, book, levels, severities, config.languagetool.profile)
        return result

    def _findings(self, doc: Document, hits: Iterable[Hit], book: RuleBook,
                  levels: tuple[tuple[str, str], ...], severities: dict[str, Severity],
                  profile: str = "news") -> list[Finding]:
        out: list[Finding] = []
        for hit in hits:
            info = book.rules.get(hit.rule)
            if info is None:           # a LanguageTool rule: levels and filters by glob
                from newslint.languagetool.profile import default_level
                from newslint.languagetool.stage import rule_info

                info = rule_info(hit)
                default = default_level(hit.rule, profile) or str(hit.severity or info.severity)
                level = level_of(hit.rule, levels, default)
                if level == "off" or not _selected(hit.rule, self.options.select, self.options.ignore):
                    continue
                severity = Severity.parse(level)
            else:
                severity = severities.get(hit.rule)
                if severity is None:
                    continue
                if hit.severity is not None and not _explicit(hit.rule, levels):
                    severity = hit.severity
            finding = _finding(doc, hit, info, severity)
            if doc.suppressions and is_suppressed(doc.suppressions, finding.rule, finding.line):
                continue
            out.append(finding)
        return _without_duplicates(sorted(out))

    # -- files ---------------------------------------------------------------------

    def iter_targets(self, paths: Iterable[str]) -> Iterator[tuple[str, FileError | None]]:
        """Expand paths into files to check, in a stable order; yields errors for bad paths."""
        for path in paths:
            if os.path.isdir(path):
                found = False
                for file_path in self._walk(path):
                    found = True
                    yield file_path, None
                if not found:
                    yield path, FileError(path, "no files to check in this directory "
                                                "(looked for " + ", ".join(self._include_hint(path)) + ")")
            elif os.path.lexists(path) and not os.path.exists(path):
                yield path, FileError(path, "broken symbolic link")
            elif not os.path.exists(path):
                yield path, FileError(path, "no such file or directory")
            else:
                try:
                    if is_excluded(self.config_for(path), path):
                        continue
                except ConfigError as exc:
                    yield path, _config_error(exc)
                    continue
                yield path, None

    def _include_hint(self, path: str) -> tuple[str, ...]:
        try:
            return self.config_for(os.path.join(path, "x")).include
        except ConfigError:
            return Config().include

    def _walk(self, top: str) -> Iterator[str]:
        for root, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(files):
                file_path = os.path.join(root, name)
                try:
                    config = self.config_for(file_path)
                except ConfigError:
                    yield file_path          # lint_file reports the config error
                    continue
                if is_included(config, file_path) and not is_excluded(config, file_path):
                    yield file_path

    def lint_batch(self, paths: Sequence[str]) -> list[FileResult]:
        return [self.lint_file(p) for p in paths]

    def iter_results(self, paths: Iterable[str]) -> Iterator[FileResult]:
        """Results file by file, in the order of the expanded paths (deterministic)."""
        files: list[str] = []
        for path, error in self.iter_targets(paths):
            if error is not None:
                yield FileResult(path, errors=[error])
            else:
                files.append(path)
        yield from self._lint_files(files)

    def iter_by_path(self, paths: Iterable[str], progress=None) -> Iterator[list[FileResult]]:
        """The results of :meth:`iter_results` grouped by path, in sorted path order: the
        findings of the groups, one after the other, are the findings sorted as
        :meth:`lint_paths` sorts them (by path first), so a reporter can write them as they
        come. A path named twice is one group of two results. Results that arrive before
        their turn (a folder walk lists a folder's files before its subfolders) wait; in a
        flat folder none do. ``progress`` (a :class:`newslint.progress.Progress`) hears
        the number of files, then each file done."""
        targets = list(self.iter_targets(paths))
        expected = collections.Counter(path for path, _ in targets)
        order = sorted(expected)
        waiting: dict[str, list[FileResult]] = {}
        turn = 0
        errors = [FileResult(path, errors=[error]) for path, error in targets if error is not None]
        files = [path for path, error in targets if error is None]
        del targets
        if progress is not None:
            progress.start(len(errors) + len(files))
        for result in itertools.chain(errors, self._lint_files(files)):
            if progress is not None:
                progress.advance()
            waiting.setdefault(result.path, []).append(result)
            while turn < len(order) and len(waiting.get(order[turn], ())) == expected[order[turn]]:
                yield waiting.pop(order[turn])
                turn += 1
        for path in sorted(waiting):     # a result under a path no target named: never dropped
            yield waiting[path]

    def _lint_files(self, files: list[str]) -> Iterator[FileResult]:
        if self.executor is not None:
            yield from self.executor.lint_files(self, files)
        else:
            yield from self.lint_locally(files)

    def lint_locally(self, files: list[str]) -> Iterator[FileResult]:
        """Results of ``files`` checked here, or in a pool of ``jobs`` processes."""
        jobs = max(1, self.options.jobs)
        if jobs == 1 or len(files) < 2:
            for path in files:
                yield self.lint_file(path)
            return
        import multiprocessing      # on use: a run of one file does not pay for importing these
        from concurrent.futures import ProcessPoolExecutor

        self.prepare_workers()
        self._warm_up(files)
        batches = _batches(files, jobs)
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        # Under fork each worker starts from this very Linter, compiled rules included
        # (initargs are not pickled then); tasks carry only paths.
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context,
                                   initializer=_start_worker, initargs=(self,))
        try:
            # Workers are forked while SIGINT is blocked, so none gets a Ctrl-C before
            # _start_worker tells it to ignore them; a Ctrl-C meanwhile waits for the unblock.
            with _sigint_blocked():
                results = pool.map(_lint_batch_in_worker, batches)
            for batch in results:
                yield from batch
        except BaseException:
            # Ctrl-C, or the consumer stopped reading: end the workers now rather than
            # wait for their batches (they ignore SIGINT, so only this says when).
            _stop_workers(pool)
            raise
        pool.shutdown()

    def _warm_up(self, files: Sequence[str]) -> None:
        """Before files fan out: compile the rules and load the parsers they need once,
        here, rather than once in every worker."""
        for path in files:
            try:
                self.rulebook(self.config_for(path))
            except ConfigError:
                pass                 # lint_file reports it
        for fmt in sorted({format_for_path(path) or "text" for path in files}):
            parse_document("x\n", "-", fmt)

    def prepare_workers(self) -> None:
        """Work done once before files fan out (e.g. making sure a LanguageTool server runs)."""
        if self.options.languagetool:
            try:
                prepare = getattr(self.languagetool_stage(), "prepare", None)
            except (ImportError, LanguageToolError):
                return
            if prepare is not None:
                try:
                    prepare()
                except LanguageToolError:
                    pass      # each file reports the failure itself
            self._lt_stage = None   # threads and sockets do not cross a fork

    def lint_paths(self, paths: Iterable[str]) -> Report:
        report = Report()
        for result in self.iter_results(paths):
            report.add(result)
        report.findings.sort()
        report.errors = sorted(set(report.errors))
        report.rules = self.rules_of(report.findings)
        return report

    def rules_of(self, findings: Iterable[Finding]) -> dict[str, RuleInfo]:
        """Metadata for the rules that appear in ``findings`` (for SARIF and explain)."""
        known: dict[str, RuleInfo] = {}
        for book in self._rulebooks.values():
            known.update(book.rules)
        out: dict[str, RuleInfo] = {}
        for finding in findings:
            info = known.get(finding.rule)
            if info is None and finding.source is Source.LANGUAGETOOL:
                from newslint.languagetool.stage import rule_info_for_finding

                info = rule_info_for_finding(finding, self._languagetool_catalog(finding.path))
            if info is not None:
                out[finding.rule] = info
        return out

    def _languagetool_catalog(self, path: str):
        """LanguageTool's descriptions of its rules, for the language ``path`` is checked in;
        None when they cannot be had without starting a server (the doc then names the id)."""
        try:
            settings = self.config_for(path).languagetool
        except ConfigError:
            return None
        if settings.language not in self._catalogs:
            try:
                catalog = self.languagetool_stage().rule_catalog(settings, start=False)
            except (NewslintError, OSError):
                catalog = None
            self._catalogs[settings.language] = catalog
        return self._catalogs[settings.language]


def _finding(doc: Document, hit: Hit, info: RuleInfo, severity: Severity) -> Finding:
    if hit.segment is None:
        start, end = hit.start, hit.end
    else:
        start, end = doc.segments[hit.segment].source_map.span(hit.start, hit.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    fix = None
    # A fix applies only where the flagged file text is the matched text itself, so a
    # replacement never swallows markup or an entity that sat inside the match.
    verbatim = hit.segment is None or doc.text[start:end] == doc.segments[hit.segment].text[hit.start:hit.end]
    if hit.replacement is not None and verbatim:
        if info.fix_safety is not FixSafety.NONE:
            fix = Fix(hit.replacement, info.fix_safety is FixSafety.SAFE, doc.text[start:end])
        elif info.source is Source.LANGUAGETOOL:
            fix = Fix(hit.replacement, False, doc.text[start:end])
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=hit.rule, category=hit.category or info.category, severity=severity,
        source=info.source, message=hit.message, fix=fix, offset=start, end_offset=end)


# Which of several findings on one span is the more specific, best first: built-in news
# checks (they read the story's structure), then YAML rules, then LanguageTool; then the
# higher severity; then a finding with a category over one of "other"; then the rule id.
_SOURCE_RANK = {Source.NEWS: 0, Source.RULES: 1, Source.LANGUAGETOOL: 2}


def _specificity(f: Finding) -> tuple:
    return (_SOURCE_RANK[f.source], -f.severity, f.category is Category.OTHER, f.rule)


def _without_duplicates(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding. Findings on the same span become one: the most specific
    (see ``_specificity``) is kept and lists the others' rule ids in ``also``. A
    LanguageTool finding that overlaps a finding of another source in the same category
    (the same problem, found twice) is folded in the same way. House-style rules (YAML rules
    of category style or other) each keep their finding, as Vale reports each alert: two
    style rules on one span are two opinions, not one problem."""
    by_span: dict[tuple, list[Finding]] = {}
    for f in findings:
        own = f.source is Source.RULES and f.category in (Category.STYLE, Category.OTHER)
        by_span.setdefault((f.offset, f.end_offset, f.rule if own else None), []).append(f)
    kept: dict[int, Finding] = {}
    folded: dict[int, list[str]] = {}
    for group in by_span.values():
        best = min(group, key=_specificity)
        kept[id(best)] = best
        folded[id(best)] = [f.rule for f in group if f is not best]
    ours = [f for f in kept.values() if f.source is not Source.LANGUAGETOOL]
    if ours:
        for f in list(kept.values()):
            if f.source is not Source.LANGUAGETOOL:
                continue
            owner = next((o for o in ours if o.category == f.category
                          and o.offset < f.end_offset and f.offset < o.end_offset), None)
            if owner is not None:
                del kept[id(f)]
                folded[id(owner)].extend([f.rule, *folded.pop(id(f))])
    out = []
    for f in findings:
        if id(f) in kept:
            also = tuple(sorted(set(folded[id(f)]) - {f.rule}))
            out.append(dataclasses.replace(f, also=also) if also else f)
    return out


def _explicit(rule_id: str, levels: tuple[tuple[str, str], ...]) -> bool:
    return any(pattern == rule_id or fnmatch.fnmatchcase(rule_id, pattern) for pattern, _ in levels)


def _relative(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


# The Linter of this worker process (set once by _start_worker; used only inside a
# worker of Linter.iter_results' pool).
_worker_linter: Linter | None = None


def _start_worker(linter: Linter) -> None:
    global _worker_linter
    # Ctrl-C reaches the whole process group: the parent alone decides what happens then.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    linter._lt_stage = None      # threads and sockets do not cross a fork
    _worker_linter = linter


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    can_block = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if can_block:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if can_block:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _stop_workers(pool) -> None:
    """Terminate a ProcessPoolExecutor's workers and drop its queued work, without waiting
    (the executor has no public way to end running tasks before Python 3.14)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=1.0)


def _lint_batch_in_worker(paths: Sequence[str]) -> list[FileResult]:
    assert _worker_linter is not None
    return _worker_linter.lint_batch(paths)


def _batches(files: Sequence[str], jobs: int) -> list[list[str]]:
    size = max(1, min(64, len(files) // (jobs * 4) or 1))
    return [list(files[i:i + size]) for i in range(0, len(files), size)]


def _config_error(exc: ConfigError) -> FileError:
    return FileError(exc.path, exc.message, exc.line)


def _read_regular_file(path: str) -> bytes:
    """A regular file's bytes. Anything else (a FIFO, a device, a socket) is an OSError:
    opening without blocking and checking the open file means a pipe never hangs the run."""
    return read_regular_file(path)


def _os_message(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)
