"""LanguageTool as a check: the ``lt.`` rule family.

Its rules are not listed up front (any ``lt.<ID>`` a match names), so it declares the family
and builds each rule's metadata from a match (``rule_info``) or, for reports, from the
server's own rule catalogue (``describe``). What one run shares across files and configs
(the stage: server, cache; the catalogues) lives in a :class:`LanguageToolService`, which
stays in its process: a fork or a pickle starts afresh.
"""
from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import AbstractSet, Sequence

from newslint.checks.yaml_rules import RuleTimeoutError
from newslint.config.model import Config
from newslint.errors import LanguageToolError, LanguageToolNotInstalled, NewslintError
from newslint.findings import FileError, Finding
from newslint.hits import CheckResult, Hit, Notice
from newslint.languagetool.paths import URL_ENV
from newslint.ruleinfo import RuleInfo

PREFIX = "lt."
# Documents whose requests may be out at once from one process checking files in turn:
# the one being finished and the one after it.
AHEAD = 2


class LanguageToolService:
    """The run's LanguageTool stage (started on first use) and rule catalogues."""

    def __init__(self, on: bool = True, urls: Sequence[str] = (), use_cache: bool = True,
                 announce_start: bool = False):
        self.on = on                      # False: --no-languagetool
        self.urls = tuple(urls)
        self.use_cache = use_cache
        self.announce_start = announce_start
        self._stage = None
        self._catalogs: dict[str, object] = {}     # language -> RuleCatalog or None
        self._ahead_pool: ThreadPoolExecutor | None = None
        self._ahead: dict[int, tuple[object, Future]] = {}   # id(doc) -> (doc, its answer)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_stage"] = None
        state["_catalogs"] = {}
        state["_ahead_pool"] = None
        state["_ahead"] = {}
        return state

    def stage(self):
        if self._stage is None:
            from newslint.languagetool.stage import LanguageToolStage

            self._stage = LanguageToolStage.from_options(
                urls=self.urls, use_cache=self.use_cache, announce_start=self.announce_start)
        return self._stage

    def servers_given(self) -> bool:
        """Whether servers are named by option or in the environment."""
        return bool(self.urls or os.environ.get(URL_ENV, "").strip())

    def use(self, stage) -> None:
        """Check through ``stage`` (a stand-in, in tests of the code around LanguageTool)."""
        self._stage = stage

    def prepare(self) -> None:
        """Before files fan out to forked workers: make sure a server answers, once."""
        if not self.on:
            return
        try:
            prepare = getattr(self.stage(), "prepare", None)
        except (ImportError, LanguageToolError):
            return
        if prepare is not None:
            try:
                prepare()
            except LanguageToolError:
                pass      # each file reports the failure itself
        self.forget()

    def forget(self) -> None:
        """Drop the stage: threads and sockets do not cross a fork."""
        self._stage = None
        self._ahead_pool = None
        self._ahead = {}

    def ask_ahead(self, doc, settings, vocab_accept: Sequence[str]) -> None:
        """Send ``doc``'s request now, in the background, while the file before it is
        finished: :meth:`check` of the same document then takes the answer. A process
        checking files one by one so keeps the server busy during its own work."""
        if self._ahead_pool is None:
            self._ahead_pool = ThreadPoolExecutor(max_workers=AHEAD, thread_name_prefix="newslint-lt-ahead")
        self._ahead[id(doc)] = (doc, self._ahead_pool.submit(self.stage().check, doc, settings, vocab_accept))

    def check(self, doc, settings, vocab_accept: Sequence[str]) -> list[Hit]:
        """LanguageTool's hits on ``doc``: the answer sent ahead for it, else asked now."""
        held = self._ahead.pop(id(doc), None)
        if held is not None and held[0] is doc:
            return list(held[1].result())
        return list(self.stage().check(doc, settings, vocab_accept))

    def catalog(self, settings):
        """LanguageTool's descriptions of its rules for ``settings``' language; None when
        they cannot be had without starting a server (a rule's doc then names its id)."""
        if settings.language not in self._catalogs:
            try:
                catalog = self.stage().rule_catalog(settings, start=False)
            except (NewslintError, OSError):
                catalog = None
            self._catalogs[settings.language] = catalog
        return self._catalogs[settings.language]


class LanguageToolCheck:
    """The ``lt.`` family under one config: grammar and spelling matches as hits."""

    prefix = PREFIX
    rules: tuple[RuleInfo, ...] = ()       # an open family: see rule_info

    def __init__(self, service: LanguageToolService, config: Config | None):
        self.service = service
        self.config = config

    @property
    def on(self) -> bool:
        """Whether LanguageTool checks: the run's option and the config's (without a config,
        the option alone)."""
        return self.service.on and (self.config is None or self.config.languagetool.enabled)

    def check(self, doc, enabled: AbstractSet[str]) -> list[Hit]:
        return self.run(doc).hits

    def ask_ahead(self, doc) -> None:
        """Send ``doc`` to the server now; :meth:`run` on it takes the answer."""
        assert self.config is not None
        self.service.ask_ahead(doc, self.config.languagetool, self.config.vocab_accept)

    def run(self, doc) -> CheckResult:
        """The matches on ``doc``; a failure is the file's error (or, for a missing
        installation, the run's), never an exception."""
        assert self.config is not None
        stage = self.service.stage()
        result = CheckResult()
        try:
            result.hits = self.service.check(doc, self.config.languagetool, self.config.vocab_accept)
        except LanguageToolError as exc:
            result.errors.append(_error(doc.path, exc))
        except RuleTimeoutError as exc:      # a vocab.accept entry that runs too long
            result.errors.append(FileError(doc.path, str(exc)))
        for warning in getattr(stage, "take_warnings", list)():
            result.notices.append(Notice("languagetool-cache", warning))
        return result

    def rule_info(self, hit: Hit) -> RuleInfo:
        from newslint.languagetool.rulemeta import rule_info

        return rule_info(hit)

    def default_level(self, hit: Hit, info: RuleInfo) -> str:
        """The news profile's level for the rule, else the match's own, else the rule's."""
        from newslint.languagetool.profile import default_level

        profile = self.config.languagetool.profile if self.config is not None else "news"
        return default_level(hit.rule, profile) or str(hit.severity or info.severity)

    def describe(self, finding: Finding) -> RuleInfo:
        """Metadata of a finding's rule for reports, from the server's catalogue when it is
        at hand without starting a server."""
        from newslint.languagetool.rulemeta import rule_info_for_finding

        catalog = self.service.catalog(self.config.languagetool) if self.config is not None else None
        return rule_info_for_finding(finding, catalog)

    def off_notice(self, rule_ids: Sequence[str]) -> Notice:
        """Said when LanguageTool is off and checks that refine its matches are on."""
        return Notice("languagetool-off",
                      f"{', '.join(rule_ids)} not checked: these checks need LanguageTool, which is off")


def _error(path: str, exc: LanguageToolError) -> FileError:
    """A missing installation is the run's error (said once, with the command that fixes
    it); any other failure is the file's. The message names LanguageTool once."""
    message = str(exc)
    if isinstance(exc, LanguageToolNotInstalled):
        return FileError("", f"{message} (or check without grammar and spelling: --no-languagetool)")
    return FileError(path, message if message.startswith("LanguageTool") else f"LanguageTool: {message}")
