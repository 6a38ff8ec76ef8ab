"""The explicit list of built-in checks and rule families (YAML rule packs are compiled
separately)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from newslint.checks.base import Check
from newslint.checks.news.attribution import AttributionCheck
from newslint.checks.news.broken_characters import BrokenCharactersCheck
from newslint.checks.news.chrome_structure import ChromeStructureCheck
from newslint.checks.news.fragment import FragmentCheck
from newslint.checks.news.names import NamesCheck

if TYPE_CHECKING:
    from newslint.languagetool.check import LanguageToolService


def builtin_checks(desk_names: Sequence[str] = ()) -> tuple[Check, ...]:
    """A fresh instance of every built-in check, in a fixed order. ``desk_names``: the
    desk's accepted names (config ``vocab.names``)."""
    checks: list[Check] = []
    checks.append(ChromeStructureCheck())
    checks.append(AttributionCheck())
    checks.append(FragmentCheck())
    checks.append(BrokenCharactersCheck())
    checks.append(NamesCheck(desk_names))
    return tuple(checks)


def rule_families(config, services) -> tuple:
    """The open rule families under ``config`` (each a ``RuleFamily``), in a fixed order:
    LanguageTool's ``lt.``. ``services``: what the run's families share (:func:`services`)."""
    from newslint.languagetool.check import LanguageToolCheck

    return (LanguageToolCheck(services.languagetool, config),)


@dataclass
class Services:
    """What the rule families of one run share across files and configs (LanguageTool's
    stage and rule catalogues). It stays in its process: a fork or a pickle starts afresh."""

    languagetool: "LanguageToolService"

    def prepare(self) -> None:
        """Work done once before files fan out (e.g. making sure a LanguageTool server runs)."""
        self.languagetool.prepare()

    def servers_given(self) -> bool:
        """Whether the run names servers (option or environment), so a config need not."""
        return self.languagetool.servers_given()

    def forget(self) -> None:
        """Drop what cannot cross a fork (threads, sockets)."""
        self.languagetool.forget()


def services(languagetool: bool = True, urls: Sequence[str] = (), use_cache: bool = True,
             announce_start: bool = False) -> Services:
    from newslint.languagetool.check import LanguageToolService

    return Services(LanguageToolService(languagetool, urls, use_cache, announce_start))
