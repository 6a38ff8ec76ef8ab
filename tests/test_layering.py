"""The package's layering, read from the import statements: the engine knows no check
source by name, and what consumes results knows nothing of checks."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def files_of(*names: str) -> list[Path]:
    out: list[Path] = []
    for name in names:
        target = PACKAGE / name
        out.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")])
    return out


def offending(files: list[Path], forbidden: str) -> list[str]:
    return [f"{path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path.name} imports {module}"
            for path in files for module in sorted(imported_modules(path))
            if module == forbidden or module.startswith(forbidden + ".")]


def test_the_engine_imports_nothing_from_languagetool():
    assert files_of("engine")
    assert offending(files_of("engine"), "newslint.languagetool") == []


@pytest.mark.parametrize("consumer", ["reporters", "results", "workflows", "fixing"])
def test_what_consumes_results_imports_nothing_from_checks(consumer):
    assert files_of(consumer)
    assert offending(files_of(consumer), "newslint.checks") == []


def test_the_check_finds_an_offending_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from newslint.languagetool.stage import rule_info\n")
    assert offending([sample], "newslint.languagetool") == [
        "sample.py imports newslint.languagetool.stage",
        "sample.py imports newslint.languagetool.stage.rule_info"]
    assert offending([sample], "newslint.lang") == []
