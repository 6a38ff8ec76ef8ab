"""extends: substitution: swaps, messages, fixes and their safety."""
from __future__ import annotations

import textwrap

from newslint.checks.base import FixSafety
from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.documents import parse_document


def hits(rule_yaml: str, text: str):
    rule = load_rule(textwrap.dedent(rule_yaml), "Terms.yml", "Acme.Terms")
    doc = parse_document(text, "a.txt", "text")
    found = compile_rules([rule]).check(doc, {"Acme.Terms"})
    return rule, [(doc.segments[h.segment].text[h.start:h.end], h.message, h.replacement) for h in found]


TERMS = """
    extends: substitution
    message: "Use '%s' instead of '%s'."
    level: error
    ignorecase: true
    swap:
      utilize: use
      leverage: use|apply
      e-?mail: email
"""


def test_single_swap_is_a_safe_fix_and_fills_both_placeholders():
    rule, found = hits(TERMS.replace("      leverage: use|apply\n", ""), "We utilize it.")
    assert found == [("utilize", "Use 'use' instead of 'utilize'.", "use")]
    assert rule.info.fix_safety is FixSafety.SAFE


def test_alternatives_are_listed_and_make_the_fix_unsafe():
    # As in Vale 3.22 (checked with the binary): only ``action: replace`` splits the
    # value into options; the message lists them with a serial comma.
    rule, found = hits(TERMS.replace("swap:", "action:\n      name: replace\n    swap:")
                       .replace("use|apply", "use|apply|employ"), "They leverage data.")
    assert found == [("leverage", "Use 'use', 'apply', or 'employ' instead of 'leverage'.", "use")]
    assert rule.info.fix_safety is FixSafety.UNSAFE
    _, found = hits(TERMS.replace("swap:", "action:\n      name: replace\n    swap:"), "They leverage data.")
    assert found == [("leverage", "Use 'use' or 'apply' instead of 'leverage'.", "use")]


def test_without_a_replace_action_the_value_is_one_expected_form_as_in_vale():
    _, found = hits(TERMS, "They leverage data.")
    assert found == [("leverage", "Use 'use|apply' instead of 'leverage'.", "use")]
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          'Colou?r (?:red|green)': Hue
          '[Pp]ython': '[pP]ython'
    """
    _, found = hits(rule, "A Color red and a colour green, in python.")
    assert [(f[0], f[1]) for f in found] == [("Color red", "Use 'Hue' instead of 'Color red'.")]


def test_text_already_in_the_wanted_form_is_not_flagged():
    _, found = hits(TERMS, "Send an email, not an e-mail.")
    assert [f[0] for f in found] == ["e-mail"]


def test_capture_groups_feed_the_replacement():
    rule = """
        extends: substitution
        message: "Write '%s', not '%s'."
        swap:
          'January (\\d{1,2})': 'Jan. $1'
          '(\\d+) per cent': '${1} percent'
    """
    _, found = hits(rule, "On January 5 it rose 4 per cent.")
    assert found == [("January 5", "Write 'Jan. 5', not 'January 5'.", "Jan. 5"),
                     ("4 per cent", "Write '4 percent', not '4 per cent'.", "4 percent")]


def test_group_in_one_key_does_not_shift_the_next_keys_value():
    rule = """
        extends: substitution
        message: "%s"
        swap:
          '(?:colou?r)ed (\\w+)': painted
          'gray': grey
    """
    _, found = hits(rule, "A gray wall.")
    assert found == [("gray", "grey", "grey")]


def test_capitalize_keeps_a_capital_at_the_start():
    rule = TERMS.replace("ignorecase: true", "ignorecase: true\n    capitalize: true")
    _, found = hits(rule, "Utilize it.")
    assert found[0][2] == "Use"


def test_longest_key_wins():
    rule = """
        extends: substitution
        message: "%s"
        swap:
          web: Web
          web site: website
    """
    _, found = hits(rule, "The web site.")
    assert [f[0] for f in found] == ["web site"]


def test_exceptions_skip_a_match():
    rule = TERMS + "    exceptions: [Utilize]\n"
    _, found = hits(rule, "Utilize it, then utilize more.")
    assert [f[0] for f in found] == ["utilize"]


def test_matchcase_recases_the_options_as_vale_does():
    # Vale 3.22.0 on the same text: 'a-ok', 'Email', 'EMAIL'.
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        matchcase: true
        action:
          name: replace
        swap:
          a ok: A-OK
          e-mail: email
    """
    _, found = hits(rule, "It is a ok. E-mail me. E-MAIL now.")
    assert [f[1] for f in found] == ["Use 'a-ok' instead of 'a ok'.", "Use 'Email' instead of 'E-mail'.",
                                     "Use 'EMAIL' instead of 'E-MAIL'."]
