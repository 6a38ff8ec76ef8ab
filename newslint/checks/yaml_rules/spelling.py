"""``extends: spelling``: words a Hunspell dictionary does not know, found as Vale finds them.

The dictionaries are read by Hunspell itself (the ``chunspell`` package, which bundles
Hunspell and an ``en_US`` dictionary). As in Vale:

- ``dic``/``aff`` name one dictionary's files; otherwise ``dictionaries`` names
  ``<name>.dic``/``<name>.aff`` in ``dicpath`` (default: ``config/dictionaries`` under the
  StylesPath). A word is correct when any dictionary knows it.
- ``ignore``: word-list files (one word a line) added to the dictionaries, found as given,
  under the StylesPath, or under its ``config/ignore``.
- words are the text's whitespace-separated runs with surrounding quotes, brackets and
  punctuation removed, curly quotes read as straight ones;
- unless ``custom: true``, a word holding anything but ASCII letters, ``_`` or ``'``,
  ending in a capital, or in camel case (``JavaScript``) is not checked; each
  ``filters`` regex that matches a word skips it too;
- the configuration's accepted vocabulary (``vocab: true``) are exceptions, matched as
  whole words regardless of case.

With neither, or with ``append: true``, Vale adds its base dictionary, its own build of
SCOWL's ``en_US-web``. No package a project installs ships that list, and every
``en_US`` that one does lacks words it has ("struct", "metadata", "online"), so newslint
uses Vale's own copy, which ``newslint vale install-dictionary`` installs into the data
folder (:mod:`newslint.checks.yaml_rules.base_dictionary`). Until it is installed such a rule
raises :class:`NeedsBaseDictionary` and is skipped with a notice naming that command.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from typing import Sequence

from newslint.checks.base import Hit
from newslint.checks.yaml_rules import base_dictionary
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView
from newslint.languagetool.paths import default_data_dir

KEYS = frozenset({"dic", "aff", "dicpath", "dictionaries", "append", "filters", "ignore", "custom",
                  "threshold", "exceptions", "split", "vocab"})
DICTIONARY_DIR = os.path.join("config", "dictionaries")
IGNORE_DIR = os.path.join("config", "ignore")

_RUN = re.compile(r"\S+")
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_PREFIXES = ("$", "(", '"', "[", "'")
_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
_KEPT_WHOLE = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,2}\.")     # U.S., Dr.
_NOT_PLAIN = re.compile(r"[^a-zA-Z_']")
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z]+\w+")


def words(text: str) -> list[tuple[str, int]]:
    """Vale's spelling words of ``text`` with where each starts."""
    out = []
    for m in _RUN.finditer(text):
        run = m.group()
        token = run.replace("&rsquo;", "'").translate(_CURLY)
        start = 0
        while token and not _KEPT_WHOLE.fullmatch(token):
            if len(token) > 1 and token.startswith(_PREFIXES):
                token, start = token[1:], start + 1
            elif len(token) > 1 and token.endswith(_SUFFIXES):
                token = token[:-1]
            else:
                break
        if any(c.isalpha() for c in token):
            at = start if "&rsquo;" not in run else max(run.find(token), 0)
            out.append((token, m.start() + at))
    return out


def skipped_by_default(word: str) -> bool:
    return bool(_NOT_PLAIN.search(word)) or word[-1:].isupper() and word[-1:].isascii() \
        or bool(_CAMEL.search(word))


class NeedsBaseDictionary(Exception):
    """The rule needs Vale's base English dictionary, which is not installed."""


class Speller:
    """Hunspell dictionaries, loaded on first use (and again in each worker process)."""

    def __init__(self, dictionaries: Sequence[tuple[str, str]], word_lists: Sequence[str]):
        self.source = (tuple(dictionaries), tuple(word_lists))
        self._loaded: list | None = None
        self._known: dict[str, bool] = {}

    def __reduce__(self):
        return Speller, self.source

    def _load(self) -> list:
        import hunspell
        dictionaries, word_lists = self.source
        loaded = [hunspell.Hunspell(os.path.basename(dic)[:-4], hunspell_data_dir=os.path.dirname(dic))
                  for dic, _aff in dictionaries]
        for path in word_lists:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    word = line.strip()
                    if word:
                        for h in loaded:
                            _quietly(h.add, word)
        return loaded

    def knows(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            if self._loaded is None:
                self._loaded = self._load()
            found = self._known[word] = any(_quietly(h.spell, word) for h in self._loaded)
        return found


def _quietly(call, word: str) -> bool:
    """A call into Hunspell; a word the dictionary's encoding cannot hold is unknown."""
    try:
        return bool(call(word))
    except UnicodeError:
        return False


@dataclass(frozen=True)
class Spelling(Matcher):
    speller: Speller = field(compare=False)
    filters: tuple[Pattern, ...] = ()
    standard_filters: bool = True
    accepted: re.Pattern | None = None
    vocab: bool = True

    def accepting(self, terms: Sequence[str]) -> "Spelling":
        if not self.vocab or not terms:
            return self
        body = "|".join(t if t.startswith(r"\b") or t.endswith(r"\b") else rf"\b(?:{t})\b" for t in terms)
        try:
            accepted = re.compile(f"(?i){body}")
        except re.error:
            accepted = re.compile("(?i)" + "|".join(rf"\b{re.escape(t)}\b" for t in terms))
        return dataclasses.replace(self, accepted=accepted)

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        for k, text in enumerate(view.texts):
            for word, at in words(text):
                if self.standard_filters and skipped_by_default(word):
                    continue
                if any(next(iter(p.finditer(word)), None) is not None for p in self.filters):
                    continue
                if self.speller.knows(word) or (self.accepted is not None and self.accepted.search(word)):
                    continue
                hits.append(Hit(self.rule_id, view.segments[k], at, at + len(word),
                                format_message(self.message, word)))
        return hits


def _find(name: str, places: Sequence[str]) -> str | None:
    for place in places:
        path = os.path.normpath(os.path.join(place, name)) if place else name
        if os.path.exists(path):
            return path
    return None


def build(fields: RuleFields, message: str, scope: Scope, styles_paths: Sequence[str]) -> Spelling:
    roots = tuple(styles_paths)
    dictionaries: list[tuple[str, str]] = []
    dic, aff = fields.string("dic", ""), fields.string("aff", "")
    dic_path = _find(dic, ("", *roots, *(os.path.join(r, DICTIONARY_DIR) for r in roots))) if dic else None
    aff_path = _find(aff, ("", *roots, *(os.path.join(r, DICTIONARY_DIR) for r in roots))) if aff else None
    base = fields.flag("append")
    if dic_path and aff_path and os.path.isfile(dic_path) and os.path.isfile(aff_path):
        if dic_path[:-4] != aff_path[:-4]:
            raise fields.error("'dic' and 'aff' must name files of one dictionary (<name>.dic, <name>.aff)", "dic")
        dictionaries.append((dic_path, aff_path))
        base = False
    else:
        dicpath = fields.string("dicpath", "")
        if dicpath:
            folder = _find(dicpath, ("", *roots, os.getcwd()))
            if folder is None or not os.path.isdir(folder):
                raise fields.error(f"'dicpath': no folder {dicpath!r} as given or under the styles folder", "dicpath")
        else:
            folder = next((os.path.join(r, DICTIONARY_DIR) for r in roots), DICTIONARY_DIR)
        for i, name in enumerate(fields.strings("dictionaries", allow_scalar=True)):
            dic_file, aff_file = os.path.join(folder, name + ".dic"), os.path.join(folder, name + ".aff")
            if not (os.path.isfile(dic_file) and os.path.isfile(aff_file)):
                raise fields.error(f"no dictionary {name!r}: {dic_file} and {aff_file} are needed",
                                   "dictionaries", i)
            dictionaries.append((dic_file, aff_file))
    if base or not dictionaries:
        installed = base_dictionary.find_installed(default_data_dir())
        if installed is None:
            raise NeedsBaseDictionary(
                f"it needs Vale's base English dictionary ({base_dictionary.NAME}, used with 'append: true' or when "
                f"a rule names no dictionary of its own); run `{base_dictionary.INSTALL_COMMAND}` to install it")
        dictionaries.append((str(installed.dic), str(installed.aff)))
    word_lists = []
    for i, name in enumerate(fields.strings("ignore", allow_scalar=True)):
        found = _find(name, ("", *roots, *(os.path.join(r, IGNORE_DIR) for r in roots)))
        if found is not None and os.path.isfile(found):
            word_lists.append(found)
    filters = tuple(fields.pattern(f, "filters", i) for i, f in enumerate(fields.strings("filters")))
    return Spelling(fields.rule_id, message, scope, speller=Speller(dictionaries, word_lists),
                    filters=filters, standard_filters=not fields.flag("custom"), vocab=fields.flag("vocab", True))
