"""Loading rule packs: ids, shipped packs, Vale users' rules unchanged, strict errors with lines."""
from __future__ import annotations

import os
import textwrap

import pytest

from newslint.checks.yaml_rules import compile_rules, load_packs, load_rule
from newslint.documents import parse_document
from newslint.errors import ConfigError

ROOT = os.path.dirname(os.path.dirname(__file__))


def write(folder, rel: str, text: str) -> str:
    path = os.path.join(folder, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(textwrap.dedent(text))
    return path


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_rule(textwrap.dedent(text), "styles/Acme/Bad.yml", "Acme.Bad")
    return info.value


# -- Vale users' rules, as Vale documents them ---------------------------------------

VALE_EXISTENCE = """\
extends: existence
message: "Consider removing '%s'."
level: warning
ignorecase: true
tokens:
  - appears to be
  - arguably
"""

VALE_SUBSTITUTION = """\
extends: substitution
message: "Use '%s' instead of '%s'."
level: error
ignorecase: true
nonword: false
swap:
  abundance: plenty
  accelerate: speed up
  "(?:in|with) regards? to": "regarding|about"
"""


def test_vale_style_folder_loads_unchanged(tmp_path):
    write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "styles/Acme/Terms.yml", VALE_SUBSTITUTION)
    rules = load_packs(["styles/Acme"], str(tmp_path))
    assert [r.id for r in rules] == ["Acme.Hedging", "Acme.Terms"]
    doc = parse_document("It is arguably late. Accelerate the plan with regard to costs.", "a.txt", "text")
    hits = compile_rules(rules).check(doc, {"Acme.Hedging", "Acme.Terms"})
    assert sorted(h.message for h in hits) == [
        "Consider removing 'arguably'.",
        "Use 'regarding|about' instead of 'with regard to'.",
        "Use 'speed up' instead of 'Accelerate'.",
    ]
    assert {str(r.info.severity) for r in rules} == {"warning", "error"}


def test_single_file_id_is_folder_and_stem(tmp_path):
    path = write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    assert [r.id for r in load_packs([path], "/")] == ["Acme.Hedging"]


def test_subfolders_become_part_of_the_id(tmp_path):
    write(tmp_path, "house/chrome/promo.yaml", VALE_EXISTENCE)
    write(tmp_path, "house/words.yml", VALE_EXISTENCE)
    write(tmp_path, "house/notes.txt", "not a rule")
    assert [r.id for r in load_packs(["house"], str(tmp_path))] == ["house.words", "house.chrome.promo"]


def test_a_folder_of_styles_gives_ids_inside_it(tmp_path, run_cli):
    # The README's example: rules/house/said.yml -> house.said.
    write(tmp_path, "rules/house/said.yml", VALE_SUBSTITUTION)
    write(tmp_path, "rules/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "rules/Acme/extra/Terms.yml", VALE_SUBSTITUTION)
    assert [r.id for r in load_packs(["rules"], str(tmp_path))] == ["Acme.Hedging", "Acme.extra.Terms", "house.said"]
    write(tmp_path, ".newslint.yml", "extends: [rules]\nlanguagetool: {enabled: false}\nrules: {house.said: error}\n")
    story = write(tmp_path, "story.txt", "Plan\n\nWe must accelerate the work.\n")
    result = run_cli("check", "--format", "json", "--select", "house.*", story)
    assert [(f["rule"], f["severity"]) for f in result.json()["findings"]] == [("house.said", "error")]


def test_shipped_pack_loads_by_name():
    rules = load_packs(["newslint:news"], ROOT)
    ids = {r.id for r in rules}
    assert "news.chrome.see-also" in ids and "news.style.us-abbrev" in ids


def test_unknown_shipped_pack_suggests_a_name():
    with pytest.raises(ConfigError, match="did you mean 'news'"):
        load_packs(["newslint:nwes"], ROOT)


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no rule folder or file"):
        load_packs(["nowhere"], str(tmp_path))


def test_the_same_id_twice_is_an_error(tmp_path):
    write(tmp_path, "a/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "b/Acme/Hedging.yml", VALE_EXISTENCE)
    with pytest.raises(ConfigError, match="already defined"):
        load_packs(["a/Acme", "b/Acme"], str(tmp_path))


def test_the_defaults_apply_when_keys_are_left_out():
    rule = load_rule("extends: existence\nmessage: '%s'\ntokens: [x]\n", "R.yml", "A.R")
    assert str(rule.info.severity) == "warning" and str(rule.info.category) == "style"
    assert rule.info.doc.what == "…"


# -- strict validation ---------------------------------------------------------------

def test_unknown_key_names_line_and_suggests():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: [x]
        ignorcase: true
    """)
    assert err.line == 4 and "unknown key 'ignorcase'" in err.message and "did you mean 'ignorecase'" in err.message


def test_key_of_another_rule_type_is_unknown():
    err = error_of("""\
        extends: existence
        message: "%s"
        swap: {a: b}
        tokens: [x]
    """)
    assert err.line == 3 and "'swap'" in err.message


def test_wrong_type_names_line():
    err = error_of("""\
        extends: existence
        message: "%s"
        ignorecase: "yes please"
        tokens: [x]
    """)
    assert err.line == 3 and "true or false" in err.message


def test_tokens_must_be_a_list():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: {a: b}
    """)
    assert err.line == 3 and "list of strings" in err.message


def test_unknown_extends_suggests():
    err = error_of("""\
        message: "%s"
        extends: existance
    """)
    assert err.line == 2 and "did you mean 'existence'" in err.message


def test_a_rule_newslint_cannot_run_is_skipped_and_the_pack_runs(tmp_path):
    write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "styles/Acme/Gerunds.yml", """\
        extends: script
        message: "Avoid gerunds in titles."
        scope: raw
        script: NoGerunds.tengo
    """)
    skipped = []
    rules = load_packs(["styles/Acme"], str(tmp_path), skipped)
    assert [r.id for r in rules] == ["Acme.Hedging"]
    assert [(s.rule_id, s.path.endswith("Gerunds.yml")) for s in skipped] == [("Acme.Gerunds", True)]
    assert "Tengo script" in skipped[0].reason
    notice = skipped[0].notice()
    assert notice.code == "rule-skipped" and notice.message.startswith("Acme.Gerunds skipped (")


def test_skipped_rule_becomes_one_notice_per_run(tmp_path):
    from newslint.config.model import Config
    from newslint.engine import Linter, LintOptions

    write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "styles/Acme/Gerunds.yml", "extends: script\nmessage: x\nscript: a.tengo\n")
    config = Config(root=str(tmp_path), extends=(str(tmp_path / "styles/Acme"),))
    linter = Linter(LintOptions(languagetool=False), config=config)
    result = linter.lint_text("It is arguably late.", "a.txt")
    assert [f.rule for f in result.findings] == ["Acme.Hedging"]
    skips = [n for n in result.notices if n.code == "rule-skipped"]
    assert len(skips) == 1 and "Acme.Gerunds" in skips[0].message


def test_vale_rule_shapes_are_accepted():
    # a list of one-pair mappings for swap, a bare action, a scalar raw, nested params
    rule = load_rule(textwrap.dedent("""\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        action:
        swap:
          - colour: color
          - favour: favor
    """), "S.yml", "Acme.S")
    doc = parse_document("The colour and the favour.", "a.txt", "text")
    assert [h.message for h in compile_rules([rule]).check(doc, {"Acme.S"})] == [
        "Use 'color' instead of 'colour'.", "Use 'favor' instead of 'favour'."]
    rule = load_rule(textwrap.dedent("""\
        extends: existence
        message: "Drop '%s'."
        raw: \\bvery\\b
        action:
          name: edit
          params:
            - [regex, 'very', '']
    """), "E.yml", "Acme.E")
    doc = parse_document("A very long day.", "a.txt", "text")
    assert [h.message for h in compile_rules([rule]).check(doc, {"Acme.E"})] == ["Drop 'very'."]


def test_backslash_quote_in_double_quoted_yaml_is_a_quote():
    rule = load_rule(textwrap.dedent("""\
        extends: existence
        message: "Don\\'t use '%s'."
        tokens: ["can\\'t"]
    """), "E.yml", "Acme.E")
    doc = parse_document("We can't go.", "a.txt", "text")
    assert [h.message for h in compile_rules([rule]).check(doc, {"Acme.E"})] == ["Don't use 'can't'."]


def test_bad_level_and_category():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: [x]
        level: warn
    """)
    assert err.line == 4 and "did you mean 'warning'" in err.message
    err = error_of("""\
        extends: existence
        message: "%s"
        category: chrom
        tokens: [x]
    """)
    assert err.line == 3 and "did you mean 'chrome'" in err.message


def test_bad_regex_points_at_its_own_line():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens:
          - fine
          - 'broken(['
    """)
    assert err.line == 5 and "does not compile" in err.message


def test_bad_swap_key_points_at_its_line():
    err = error_of("""\
        extends: substitution
        message: "%s"
        swap:
          good: fine
          'bad(': worse
    """)
    assert err.line == 5


def test_missing_message_and_duplicate_key():
    assert "message" in error_of("extends: existence\ntokens: [x]\n").message
    err = error_of("extends: existence\nmessage: a\ntokens: [x]\nmessage: b\n")
    assert err.line == 4 and "duplicate key 'message'" in err.message


def test_unknown_scope_and_doc_keys():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: [x]
        scope: paragrah
    """)
    assert err.line == 4 and "did you mean 'paragraph'" in err.message
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: [x]
        doc:
          what: Flags x.
          how: Remove it.
    """)
    assert err.line == 6 and "doc.how" in err.message


def test_examples_must_be_lists_of_strings():
    err = error_of("""\
        extends: existence
        message: "%s"
        tokens: [x]
        examples:
          flag: x here
    """)
    assert err.line == 5 and "examples.flag" in err.message


def test_invalid_yaml_reports_its_line():
    err = error_of("extends: existence\nmessage: [unclosed\ntokens: [x]\n")
    assert err.line is not None and "invalid YAML" in err.message


def test_a_rule_extends_another_rule_with_added_and_removed_entries(tmp_path):
    write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    write(tmp_path, "styles/Acme/Terms.yml", VALE_SUBSTITUTION)
    write(tmp_path, "styles/House/Hedging.yml", """\
        extends: Acme.Hedging
        level: error
        tokens+: [perhaps]
        tokens-: [arguably]
    """)
    write(tmp_path, "styles/House/Terms.yml", """\
        extends: Acme.Terms
        message: "Prefer '%s' to '%s'."
        swap-: [abundance]
        swap+:
          commence: start
    """)
    rules = load_packs(["styles/House"], str(tmp_path))
    assert [(r.id, r.extends, str(r.info.severity)) for r in rules] == [
        ("House.Hedging", "existence", "error"), ("House.Terms", "substitution", "error")]
    doc = parse_document("It is arguably late, perhaps. Commence with an abundance of care.", "a.txt", "text")
    hits = compile_rules(rules).check(doc, {"House.Hedging", "House.Terms"})
    assert sorted(h.message for h in hits) == ["Consider removing 'perhaps'.",
                                               "Prefer 'start' to 'Commence'."]


def test_inheritance_errors_name_the_file_and_line(tmp_path):
    write(tmp_path, "styles/House/A.yml", "extends: House.B\nmessage: x\n")
    write(tmp_path, "styles/House/B.yml", "extends: House.A\nmessage: x\n")
    with pytest.raises(ConfigError, match="cycle"):
        load_packs(["styles/House"], str(tmp_path))
    with pytest.raises(ConfigError) as info:
        load_rule("extends: existence\nmessage: x\ntokens+: [a]\n", "R.yml", "A.R")
    assert info.value.line == 3 and "needs a parent" in info.value.message
    write(tmp_path, "styles/Solo/C.yml", "extends: Gone.Rule\nmessage: x\n")
    with pytest.raises(ConfigError, match="Gone.Rule"):
        load_packs(["styles/Solo"], str(tmp_path))


def test_rules_with_a_selector_or_a_data_view_are_skipped(tmp_path):
    write(tmp_path, "styles/Acme/Sel.yml", "extends: existence\nmessage: x\ntokens: [a]\nselector: 'doc(h1)'\n")
    write(tmp_path, "styles/Acme/View.yml", "extends: conditional\nmessage: x\nfirst: a\nsecond: b\nin: defs\n")
    write(tmp_path, "styles/Acme/Hedging.yml", VALE_EXISTENCE)
    skipped = []
    assert [r.id for r in load_packs(["styles/Acme"], str(tmp_path), skipped)] == ["Acme.Hedging"]
    assert sorted(s.rule_id for s in skipped) == ["Acme.Sel", "Acme.View"]
