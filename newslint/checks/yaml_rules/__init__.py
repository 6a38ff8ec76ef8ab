"""YAML rules in Vale's format: load packs strictly, compile them into one fast check."""
from newslint.checks.yaml_rules.compile import CompiledRules, compile_rules
from newslint.checks.yaml_rules.loader import load_packs, load_rule, shipped_packs
from newslint.checks.yaml_rules.patterns import RuleTimeoutError
from newslint.checks.yaml_rules.rule import YamlRule

__all__ = ["CompiledRules", "RuleTimeoutError", "YamlRule", "compile_rules", "load_packs", "load_rule",
           "shipped_packs"]
