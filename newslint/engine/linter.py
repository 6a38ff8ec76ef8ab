"""The Linter: one run's options, its caches (compiled rules per config, levels) and the
check loop that turns a document into findings."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from newslint.checks.base import RuleFamily
from newslint.checks.registry import Services, rule_families, services
from newslint.checks.yaml_rules import RuleTimeoutError
from newslint.config.discovery import ConfigResolver
from newslint.config.model import Config, level_of
from newslint.config.rule_ids import unknown_rule_glob
from newslint.documents import format_for_path, parse_document
from newslint.documents.decode import decode_bytes
from newslint.documents.model import Document
from newslint.documents.suppressions import is_suppressed
from newslint.engine import files as targets
from newslint.engine.files import config_error, os_message, read_file
from newslint.engine.folding import without_duplicates
from newslint.engine.mapping import to_finding
from newslint.engine.options import LintOptions
from newslint.engine.ordering import by_path
from newslint.engine.rulebook import RuleBook
from newslint.engine.selection import Levels, explicit, selected, severities
from newslint.errors import ConfigError, DocumentError
from newslint.findings import FileError, Finding, Severity
from newslint.hits import Hit, Notice
from newslint.paths import relative_path
from newslint.results import FileResult, Report
from newslint.ruleinfo import RuleInfo


@dataclass(frozen=True)
class _Parsed:
    """A file read and parsed, with the config and rules it is checked under."""

    doc: Document
    config: Config
    book: RuleBook


class Linter:
    """Lints text and files with one set of options. Caches compiled rules per config."""

    def __init__(self, options: LintOptions | None = None, config: Config | None = None, executor=None):
        self.options = options or LintOptions()
        # Where files fan out (see newslint.execution); None: this process or the -j pool.
        self.executor = executor
        self._fixed_config = config
        # What the rule families share (LanguageTool's stage): never crosses a pickle.
        self.services: Services = services(self.options.languagetool, self.options.languagetool_urls,
                                           self.options.use_cache, self.options.announce_start)
        self._resolver = self._new_resolver()
        self._rulebooks: dict[tuple, RuleBook] = {}
        self._levels: dict[tuple, dict[str, Severity]] = {}
        self._checked_ids: set[Config] = set()

    # Pickled into worker processes without caches (compiled regexes do not pickle).
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_rulebooks"] = {}
        state["_levels"] = {}
        state["_checked_ids"] = set()
        state["executor"] = None
        state["_resolver"] = self._new_resolver()
        return state

    def _new_resolver(self) -> ConfigResolver:
        return ConfigResolver(self.options.config_path, servers_given=self.services.servers_given())

    # -- configuration -------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        if self._fixed_config is not None:
            return self._fixed_config
        if path == "-":
            return self._resolver.for_stdin(path)
        return self._resolver.for_file(path)

    def rulebook(self, config: Config) -> RuleBook:
        key = (config.extends, config.root, config.vocab_reject, config.vocab_accept,
               config.token_ignores, config.block_ignores, config.skipped_scopes, config.section_ignores,
               config.ignored_scopes, config.vocab_names)
        book = self._rulebooks.get(key)
        if book is None:
            book = self._rulebooks[key] = RuleBook.build(config)
        if config not in self._checked_ids:
            book.check_rule_ids(config)
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

    def _severities(self, book: RuleBook, levels: Levels,
                    min_level: Severity = Severity.SUGGESTION) -> dict[str, Severity]:
        key = (id(book), levels, min_level)
        found = self._levels.get(key)
        if found is None:
            found = self._levels[key] = severities(book.rules, levels, self.options.select,
                                                   self.options.ignore, min_level)
        return found

    def families(self, config: Config | None) -> tuple[RuleFamily, ...]:
        """The open rule families (LanguageTool's) under ``config`` (None: under the run's
        options alone)."""
        return rule_families(config, self.services)

    def checks_rule(self, rule_id: str) -> bool:
        """Whether this run's options check ``rule_id`` (``--select``/``--ignore``, and a
        family's rule only with the family on): tells a baseline's stale entries."""
        if not selected(rule_id, self.options.select, self.options.ignore):
            return False
        family = _family_of(rule_id, self.families(None))
        return family is None or family.on

    # -- linting -------------------------------------------------------------------

    def lint_text(self, text: str, path: str = "-", config: Config | None = None,
                  fmt: str | None = None) -> FileResult:
        """Lint already-decoded text; ``path`` decides the format and appears in findings."""
        return self._finish(self._parse(text, path, config, fmt))

    def lint_file(self, path: str) -> FileResult:
        return self._finish(self._read(path))

    def iter_files(self, paths: Iterable[str]) -> Iterator[FileResult]:
        """:meth:`lint_file` over ``paths``, in order; each file's LanguageTool request
        goes out before the file ahead of it is finished, so the server is not left idle
        while this process does its own share of the work."""
        held: _Parsed | FileResult | None = None
        for path in paths:
            upcoming = self._read(path)
            if isinstance(upcoming, _Parsed):
                self._ask_ahead(upcoming)
            if held is not None:
                yield self._finish(held)
            held = upcoming
        if held is not None:
            yield self._finish(held)

    def _read(self, path: str) -> "_Parsed | FileResult":
        try:
            text = decode_bytes(read_file(path), path)
        except DocumentError as exc:
            return FileResult(path, errors=[FileError(path, exc.message)])
        except OSError as exc:
            return FileResult(path, errors=[FileError(path, os_message(exc))])
        return self._parse(text, path)

    def _parse(self, text: str, path: str, config: Config | None = None,
               fmt: str | None = None) -> "_Parsed | FileResult":
        """The document to check under its config and rules, or the file's result already."""
        try:
            config = config or self.config_for(path)
            book = self.rulebook(config)
        except ConfigError as exc:
            return FileResult(path, errors=[config_error(exc)])
        if not text.strip():
            # A stub or a cleared file: checked and clean, and said so.
            return FileResult(path, notices=[Notice("empty-file", f"{path}: empty file, nothing to check")])
        return _Parsed(parse_document(text, path, fmt or format_for_path(path) or "text"), config, book)

    def _ask_ahead(self, parsed: "_Parsed") -> None:
        for family in self.families(parsed.config):
            if family.on:
                family.ask_ahead(parsed.doc)

    def _finish(self, parsed: "_Parsed | FileResult") -> FileResult:
        if isinstance(parsed, FileResult):
            return parsed
        return self._lint_document(parsed.doc, parsed.config, parsed.book)

    def _lint_document(self, doc: Document, config: Config, book: RuleBook) -> FileResult:
        levels = config.levels_for(relative_path(doc.path, config.root))
        on = self._severities(book, levels, Severity.parse(config.min_level))
        result = FileResult(doc.path, notices=list(book.notices))
        hits: list[Hit] = []
        for check, owned in zip(book.checks, book.owned):
            enabled = owned.intersection(on) if owned else frozenset()
            if enabled:
                try:
                    hits.extend(check.check(doc, enabled))
                except RuleTimeoutError as exc:
                    result.errors.append(FileError(doc.path, str(exc)))
        families = self.families(config)
        for family in families:
            if family.on:
                found = family.run(doc)
                result.errors.extend(found.errors)
                result.notices.extend(found.notices)
                matches = found.hits
                for refiner, _ in book.refiners:
                    if refiner.refines == family.prefix:
                        taken, matches = refiner.refine(doc, matches)
                        hits.extend(h for h in taken if h.rule in on)
                hits.extend(matches)
            else:
                unchecked = sorted(rule for refiner, owned in book.refiners
                                   if refiner.needs_family and refiner.refines == family.prefix
                                   for rule in owned if rule in on)
                if unchecked:
                    result.notices.append(family.off_notice(unchecked))
        result.findings = self._findings(doc, hits, book, families, levels, on)
        return result

    def _findings(self, doc: Document, hits: Iterable[Hit], book: RuleBook,
                  families: Sequence[RuleFamily], levels: Levels, on: dict[str, Severity]) -> list[Finding]:
        out: list[Finding] = []
        for hit in hits:
            info = book.rules.get(hit.rule)
            if info is None:           # a family's rule: levels and filters by glob
                family = _family_of(hit.rule, families)
                if family is None:
                    continue
                info = family.rule_info(hit)
                level = level_of(hit.rule, levels, family.default_level(hit, info))
                if level == "off" or not selected(hit.rule, self.options.select, self.options.ignore):
                    continue
                severity = Severity.parse(level)
            else:
                severity = on.get(hit.rule)
                if severity is None:
                    continue
                if hit.severity is not None and not explicit(hit.rule, levels):
                    severity = hit.severity
            finding = to_finding(doc, hit, info, severity)
            if doc.suppressions and is_suppressed(doc.suppressions, finding.rule, finding.line):
                continue
            out.append(finding)
        return without_duplicates(sorted(out))

    # -- files ---------------------------------------------------------------------

    def iter_targets(self, paths: Iterable[str]) -> Iterator[tuple[str, FileError | None]]:
        """Expand paths into files to check, in a stable order; yields errors for bad paths."""
        return targets.iter_targets(paths, self.config_for)

    def lint_batch(self, paths: Sequence[str]) -> list[FileResult]:
        return list(self.iter_files(paths))

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
        """The results of :meth:`iter_results` grouped by path, in sorted path order (see
        :func:`newslint.engine.ordering.by_path`), so a reporter can write them as they come."""
        return by_path(self.iter_targets(paths), self._lint_files, progress)

    def _lint_files(self, files: list[str]) -> Iterator[FileResult]:
        if self.executor is not None:
            yield from self.executor.lint_files(self, files)
        else:
            yield from self.lint_locally(files)

    def lint_locally(self, files: list[str]) -> Iterator[FileResult]:
        """Results of ``files`` checked here, or in a pool of ``jobs`` processes."""
        jobs = max(1, self.options.jobs)
        if jobs == 1 or len(files) < 2:
            yield from self.iter_files(files)
            return
        from newslint.engine.pool import lint_in_pool

        self.prepare_workers()
        self._warm_up(files)
        yield from lint_in_pool(self, files, jobs)

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
        self.services.prepare()

    def lint_paths(self, paths: Iterable[str]) -> Report:
        report = Report()
        for result in self.iter_results(paths):
            report.add(result)
        return report.finish(self.rules_of)

    def rules_of(self, findings: Iterable[Finding]) -> dict[str, RuleInfo]:
        """Metadata for the rules that appear in ``findings`` (for SARIF and explain)."""
        known: dict[str, RuleInfo] = {}
        for book in self._rulebooks.values():
            known.update(book.rules)
        out: dict[str, RuleInfo] = {}
        for finding in findings:
            info = known.get(finding.rule)
            if info is None:
                family = _family_of(finding.rule, self.families(self._config_or_none(finding.path)))
                if family is not None:
                    info = family.describe(finding)
            if info is not None:
                out[finding.rule] = info
        return out

    def _config_or_none(self, path: str) -> Config | None:
        try:
            return self.config_for(path)
        except ConfigError:
            return None


def _family_of(rule_id: str, families: Sequence[RuleFamily]) -> RuleFamily | None:
    return next((f for f in families if rule_id.startswith(f.prefix)), None)
