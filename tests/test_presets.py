"""House style is a desk's choice: AP rules ship as suggestions; the newslint:ap preset raises them."""
from __future__ import annotations

import json
import os

import pytest

from newslint.checks.yaml_rules import load_packs
from newslint.checks.yaml_rules.loader import shipped_packs
from newslint.checks.yaml_rules.presets import load_preset, shipped_presets
from newslint.errors import ConfigError

ROOT = os.path.dirname(__file__)
AP_RULES = {"news.style.email", "news.style.month-abbrev", "news.style.ok", "news.style.percent",
            "news.style.time-of-day", "news.style.toward", "news.style.us-abbrev", "news.style.website"}
STORY = "Council moves towards a vote\n\nThe council moved towards a vote on the budget on Monday.\n"


def _levels(extends):
    return {r.id: str(r.info.severity) for r in load_packs(extends, ROOT)}


def test_ap_rules_ship_as_suggestions_and_universal_errors_stay_warnings():
    levels = _levels(["newslint:news"])
    assert {rule: levels[rule] for rule in AP_RULES} == dict.fromkeys(AP_RULES, "suggestion")
    assert levels["news.style.double-space"] == "warning"


def test_the_ap_preset_raises_exactly_the_ap_rules_to_warning():
    plain, ap = _levels(["newslint:news"]), _levels(["newslint:news", "newslint:ap"])
    changed = {rule for rule in plain if plain[rule] != ap[rule]}
    assert changed == AP_RULES
    assert all(ap[rule] == "warning" for rule in AP_RULES)
    assert set(dict(load_preset("ap").levels)) == AP_RULES


def test_a_preset_is_not_a_rule_pack():
    assert "ap" in shipped_presets()
    assert shipped_packs() == ("news",)
    news = load_packs(["newslint:news"], ROOT)
    assert not any(r.id.startswith(("ap.", "shipped_presets")) for r in news)


def test_a_preset_without_the_pack_it_raises_is_a_config_error_naming_it():
    with pytest.raises(ConfigError) as err:
        load_packs(["newslint:ap"], ROOT)
    assert "newslint:ap" in str(err.value) and "extends: [newslint:news, newslint:ap]" in str(err.value)


def test_an_unknown_pack_lists_the_presets_too():
    with pytest.raises(ConfigError) as err:
        load_packs(["newslint:apx"], ROOT)
    assert "did you mean" in str(err.value) and "newslint:ap" in str(err.value)


def _findings(result):
    return [f for f in json.loads(result.out)["findings"]]


def test_default_config_reports_ap_style_as_a_suggestion_and_exits_0(run_cli, write):
    story = write("story.txt", STORY)
    result = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json", story)
    toward = [f for f in _findings(result) if f["rule"] == "news.style.toward"]
    assert [(f["line"], f["column"], f["severity"]) for f in toward] == [(1, 15, "suggestion"), (3, 19, "suggestion")]
    assert result.code == 0


def test_an_ap_desk_gets_warnings_and_exit_1(run_cli, write):
    write(".newslint.yml", "extends: [newslint:news, newslint:ap]\n")
    story = write("story.txt", STORY)
    result = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json", story)
    toward = [f for f in _findings(result) if f["rule"] == "news.style.toward"]
    assert [(f["line"], f["column"], f["severity"]) for f in toward] == [(1, 15, "warning"), (3, 19, "warning")]
    assert result.code == 1


def test_a_desks_own_levels_beat_the_preset(run_cli, write):
    write(".newslint.yml", "extends: [newslint:news, newslint:ap]\nrules: {\"news.style.*\": 'off'}\n")
    story = write("story.txt", STORY)
    result = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json", story)
    assert not [f for f in _findings(result) if f["rule"].startswith("news.style.")]
    assert result.code == 0


def test_preset_in_config_without_pack_is_exit_2_naming_the_preset(run_cli, write):
    write(".newslint.yml", "extends: [newslint:ap]\n")
    result = run_cli("check", "--no-languagetool", "--no-cache", write("story.txt", STORY))
    assert result.code == 2 and "newslint:ap" in result.err


def test_explain_prints_the_preset_and_the_rules_say_how_to_raise_them(run_cli):
    result = run_cli("explain", "newslint:ap")
    assert result.code == 0
    for rule in AP_RULES:
        assert f"  {rule}" in result.out
    assert "extends: [newslint:news, newslint:ap]" in result.out
    rule = run_cli("explain", "news.style.us-abbrev")
    assert "news.style.us-abbrev  [style, suggestion" in rule.out
    assert "newslint:ap" in rule.out
