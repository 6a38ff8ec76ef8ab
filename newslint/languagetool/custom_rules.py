"""newslint's own LanguageTool rules (rules/languagetool/, shipped as ``newslint._rules``).

LanguageTool picks up extra rules from its classpath: a folder placed before the jars
with ``org/languagetool/rules/en/grammar_custom.xml`` (XML pattern rules) and
``org/languagetool/resource/en/hunspell/spelling_custom.txt`` (accepted words). Only
files that exist in the package are copied.
"""
from __future__ import annotations

import hashlib
import importlib.resources
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.errors import LanguageToolError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

RULES_PACKAGE = "newslint._rules"
RULES_FOLDER = "languagetool"

# Shipped file name -> where LanguageTool looks for it on the classpath.
CLASSPATH_LOCATIONS = {
    "grammar_custom.xml": "org/languagetool/rules/en/grammar_custom.xml",
    "spelling_custom.txt": "org/languagetool/resource/en/hunspell/spelling_custom.txt",
}


def rules_folder() -> Traversable:
    """rules/languagetool as shipped: inside the wheel as ``newslint._rules``; in a source
    checkout (an editable install cannot import a package folder without ``__init__.py``)
    the top-level ``rules/`` next to the ``newslint`` package."""
    try:
        return importlib.resources.files(RULES_PACKAGE) / RULES_FOLDER
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / "rules" / RULES_FOLDER
        if checkout.is_dir():
            return checkout
    raise LanguageToolError(f"newslint's shipped rules ({RULES_PACKAGE}) cannot be found; reinstall newslint")


def shipped_rule_files() -> dict[str, bytes]:
    """The custom rule files newslint ships, by classpath location."""
    folder = rules_folder()
    found: dict[str, bytes] = {}
    for name, location in CLASSPATH_LOCATIONS.items():
        entry = folder / name
        if entry.is_file():
            found[location] = entry.read_bytes()
    return found


def rules_digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for location in sorted(files):
        h.update(location.encode() + b"\0" + hashlib.sha256(files[location]).digest())
    return h.hexdigest()


def write_classpath_folder(dest: Path, files: dict[str, bytes]) -> None:
    """Replace ``dest`` with a classpath folder holding exactly ``files``."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for location, data in files.items():
        target = dest / location
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
