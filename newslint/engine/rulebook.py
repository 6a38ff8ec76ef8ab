"""The compiled checks of one config's packs, shared by every file that uses them."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Check, Refiner
from newslint.checks.registry import builtin_checks
from newslint.checks.yaml_rules import compile_rules, load_packs
from newslint.config.model import Config
from newslint.config.rule_ids import unknown_rule_glob
from newslint.errors import ConfigError
from newslint.hits import Notice
from newslint.ruleinfo import RuleInfo


@dataclass
class RuleBook:
    """The compiled checks for one set of packs, shared by every file that uses them."""

    checks: tuple[Check, ...]
    rules: dict[str, RuleInfo]
    owned: tuple[frozenset[str], ...]      # rule ids of each check, same order as checks
    notices: tuple[Notice, ...] = ()       # rules the packs hold that newslint cannot run
    skipped: frozenset[str] = frozenset()  # their ids: a config may still name them
    # The checks that refine a rule family's matches, with the rule ids each owns.
    refiners: tuple[tuple[Refiner, frozenset[str]], ...] = ()

    @classmethod
    def build(cls, config: Config) -> "RuleBook":
        skipped: list = []
        yaml_rules = load_packs(config.extends, config.root, skipped)
        checks = (compile_rules(yaml_rules, config.vocab_reject, config.vocab_accept,
                                (config.token_ignores, config.block_ignores, config.skipped_scopes,
                                 config.ignored_scopes),
                                config.section_ignores, config.root, config.styles_path is not None),
                  *builtin_checks(config.vocab_names))
        rules: dict[str, RuleInfo] = {}
        for check in checks:
            for info in check.rules:
                rules[info.id] = info
        owned = tuple(frozenset(info.id for info in check.rules) for check in checks)
        refiners = tuple((check, ids) for check, ids in zip(checks, owned) if isinstance(check, Refiner))
        return cls(checks, rules, owned, tuple(s.notice() for s in skipped),
                   frozenset(s.rule_id for s in skipped), refiners)

    def check_rule_ids(self, config: Config) -> None:
        """Raise ConfigError at the line of the first rule id or glob in a .newslint.yml
        that names no rule (a rule its packs hold but newslint skips counts as named).
        Settings read from a .vale.ini are left alone: they may name Vale's own rules."""
        known = (*self.rules, *self.skipped)
        for glob, line in config.rule_lines:
            problem = unknown_rule_glob(glob, known)
            if problem is not None:
                raise ConfigError(config.path or "config", f"rules: {problem}", line)
