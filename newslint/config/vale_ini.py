"""Read a Vale ``.vale.ini`` into a :class:`Config`, so a Vale project runs without a newslint file.

What is read (everything else is an error naming the file and line, so nothing is
silently ignored):

- ``StylesPath`` (relative to the file's folder); ``MinAlertLevel``; ``Vocab`` (each
  name's ``accept.txt``/``reject.txt`` under ``<StylesPath>/config/vocabularies/<name>/``,
  or the older ``<StylesPath>/Vocab/<name>/``);
- a section's ``TokenIgnores`` (matches are masked, as Vale turns them into code) and
  ``BlockIgnores`` (blocks inside a match are not read), for the files its glob matches
  (a file matched by several sections gets all of theirs);
- a ``[glob]`` section's ``BasedOnStyles`` (the styles' rules run on the files the glob
  matches, and only there) and its rule switches: ``Style.Rule = NO`` turns a rule off,
  ``YES`` on at its own level, ``suggestion``/``warning``/``error`` sets its level.
  ``{a,b}`` alternatives in a glob are expanded; a glob without ``/`` matches a file name
  at any depth, as in Vale.

- ``SkippedScopes``: blocks of these HTML tags are not read (``blockquote``, ``li``,
  ``table``/``th``/``td``, ``h1``...``h6``, ``p``); tags with no prose in newslint's
  documents (``script``, ``style``, ``pre``) already are not; others (``figure``,
  ``div``) select nothing.

- ``IgnoredScopes`` (default ``code, tt, kbd``): the text of these inline elements is read
  masked with ``*`` (raw HTML tags; Markdown's code spans, ``**strong**`` and
  ``*emphasis*`` as ``code``, ``strong``/``b`` and ``em``/``i``).

Other known settings (``Packages``, ``Transform``, ...) are accepted and have no effect
(docs/vale.md). Rule ids are Vale's
(``Google.Headings``). Vale's own style ``Vale`` (its spelling,
repetition and vocabulary rules) is not a folder: ``Vale`` in ``BasedOnStyles`` is noted
and left out. A ``.vale.ini`` project gets Vale's checks only: newslint's own packs and
LanguageTool stay off unless a ``.newslint.yml`` asks for them.
"""
from __future__ import annotations

import configparser
import os
import re

from newslint.config.model import Config, LanguageToolSettings, Override
from newslint.errors import ConfigError

VALE_CONFIG_NAMES = (".vale.ini", "_vale.ini", "vale.ini")

GLOBAL_KEYS = ("StylesPath", "MinAlertLevel", "Vocab", "Packages", "WordTemplate",
               "IgnoredScopes", "SkippedScopes", "IgnoredClasses", "NLPEndpoint")
SECTION_KEYS = ("BasedOnStyles", "BlockIgnores", "TokenIgnores", "Transform", "Lang",
                "CommentDelimiters", "Blueprint")
LEVELS = ("suggestion", "warning", "error")
_ON = ("yes", "true", "on")
_OFF = ("no", "false", "off")
_BRACES = re.compile(r"\{([^{}]*)\}")
_RULE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+")


def load_vale_ini(path: str) -> Config:
    """The configuration a ``.vale.ini`` describes; raises ConfigError naming the file and line."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8") from None
    return parse_vale_ini(text, path)


def _lines(text: str) -> dict[tuple[str, str], int]:
    """1-based line of each (section, key); the global section is ''."""
    out: dict[tuple[str, str], int] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif "=" in line:
            out.setdefault((section, line.split("=", 1)[0].strip().lower()), number)
    return out


def parse_vale_ini(text: str, path: str) -> Config:
    lines = _lines(text)
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                       comment_prefixes=(";", "#"), inline_comment_prefixes=None,
                                       default_section="\x00none")
    parser.optionxform = str          # keep the case of keys: rule ids are case-sensitive
    try:
        parser.read_string("[\x00global]\n" + text, source=path)
    except configparser.Error as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(path, f"invalid .vale.ini: {exc.message.splitlines()[0]}",
                          line - 1 if line else None) from None

    def fail(section: str, key: str, message: str) -> ConfigError:
        return ConfigError(path, message, lines.get((section, key.lower())))

    root = os.path.dirname(os.path.abspath(path))
    top = parser["\x00global"]
    for key in top:
        if key not in GLOBAL_KEYS:
            close = [k for k in GLOBAL_KEYS if k.lower() == key.lower()]
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise fail("", key, f"unknown setting '{key}' before any [section]{hint}")
    styles_path = os.path.normpath(os.path.join(root, os.path.expanduser(top.get("StylesPath", "styles"))))
    min_level = top.get("MinAlertLevel", "suggestion").strip().lower()
    if min_level not in LEVELS:
        raise fail("", "MinAlertLevel", f"MinAlertLevel must be one of {', '.join(LEVELS)}, not '{min_level}'")

    accept: list[str] = []
    reject: list[str] = []
    for name in _names(top.get("Vocab", "")):
        folder = _vocab_folder(styles_path, name)
        if folder is None:
            raise fail("", "Vocab", f"no vocabulary '{name}' under {styles_path}/config/vocabularies/")
        accept.extend(_words(os.path.join(folder, "accept.txt")))
        reject.extend(_words(os.path.join(folder, "reject.txt")))

    section_ignores: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
    styles: list[str] = []
    vale_style = False            # Vale's own style: its Vale.Avoid is the vocabularies' reject list
    base: list[tuple[str, str]] = []
    overrides: list[Override] = []
    for section in parser.sections():
        if section == "\x00global":
            continue
        globs = _expand(section)
        rules: list[tuple[str, str]] = []
        token_ignores: list[str] = []
        block_ignores: list[str] = []
        for key, value in parser[section].items():
            if key == "BasedOnStyles":
                for style in _names(value):
                    if style == "Vale":
                        vale_style = True
                        continue
                    folder = os.path.join(styles_path, style)
                    if not os.path.isdir(folder):
                        raise fail(section, key, f"BasedOnStyles: no style folder '{style}' in {styles_path}")
                    if folder not in styles:
                        styles.append(folder)
                        base.append((f"{style}.*", "off"))
                    rules.append((f"{style}.*", "on"))
            elif key in ("TokenIgnores", "BlockIgnores"):
                into = token_ignores if key == "TokenIgnores" else block_ignores
                for pattern in _patterns(value):
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise fail(section, key, f"{key}: the regex {pattern!r} does not compile: {exc}") from None
                    if pattern not in into:
                        into.append(pattern)
            elif key in SECTION_KEYS:
                continue
            elif _RULE.fullmatch(key):
                rules.append((key, _switch(value, lambda m: fail(section, key, m))))
            else:
                raise fail(section, key, f"unknown setting '{key}' in [{section}]")
        overrides.append(Override(files=globs, rules=tuple(rules)))
        if token_ignores or block_ignores:
            section_ignores.append((tuple(globs), tuple(token_ignores), tuple(block_ignores)))

    return Config(
        path=path,
        root=root,
        extends=tuple(styles),
        rules=(("news.*", "off"), *base),
        overrides=tuple(overrides),
        vocab_accept=tuple(accept),
        vocab_reject=tuple(reject) if vale_style else (),
        languagetool=LanguageToolSettings(enabled=False),
        min_level=min_level,
        styles_path=styles_path,
        section_ignores=tuple(section_ignores),
        skipped_scopes=tuple(_names(top.get("SkippedScopes", ""))),
        **({"ignored_scopes": tuple(_names(top["IgnoredScopes"]))} if "IgnoredScopes" in top else {}),
    )


def styles_path_of(path: str) -> str:
    """The StylesPath a ``.vale.ini`` names, absolute (its folder's ``styles`` by default)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                       default_section="\x00none")
    parser.optionxform = str
    root = os.path.dirname(os.path.abspath(path))
    try:
        with open(path, encoding="utf-8-sig") as f:
            parser.read_string("[\x00global]\n" + f.read(), source=path)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(path, f"cannot read the StylesPath: {exc}") from None
    value = parser["\x00global"].get("StylesPath", "styles")
    return os.path.normpath(os.path.join(root, os.path.expanduser(value)))


def _switch(value: str, fail) -> str:
    word = value.strip().lower()
    if word in _ON:
        return "on"
    if word in _OFF:
        return "off"
    if word in LEVELS:
        return word
    raise fail(f"a rule is switched with YES, NO or a level ({', '.join(LEVELS)}), not '{value.strip()}'")


def _patterns(value: str) -> list[str]:
    """A comma-separated list of regexes (``\\,`` for a comma inside one), as Vale reads it."""
    return [p.strip().replace("\\,", ",") for p in re.split(r"(?<!\\),", value) if p.strip()]


def _names(value: str) -> list[str]:
    return [n.strip() for n in value.split(",") if n.strip()]


def _expand(glob: str) -> tuple[str, ...]:
    """``*.{md,txt}`` -> ``*.md``, ``*.txt``; Vale's ``[*]`` section is every file."""
    m = _BRACES.search(glob)
    if m is None:
        return (glob.strip() or "*",)
    out: list[str] = []
    for option in m.group(1).split(","):
        out.extend(_expand(glob[:m.start()] + option + glob[m.end():]))
    return tuple(out)


def _vocab_folder(styles_path: str, name: str) -> str | None:
    for folder in (os.path.join(styles_path, "config", "vocabularies", name),
                   os.path.join(styles_path, "Vocab", name)):
        if os.path.isdir(folder):
            return folder
    return None


def _words(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig") as f:
            return [w.strip() for w in f if w.strip() and not w.lstrip().startswith("#")]
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read vocabulary: {exc}") from None
