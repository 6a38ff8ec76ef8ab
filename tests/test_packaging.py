"""The wheel carries every package and the shipped rules."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile

from .conftest import REPO


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "newslint").rglob("__init__.py")}
    assert found | {"newslint._rules"} == listed


def test_wheel_ships_rules_and_finds_them_when_installed(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("newslint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "newslint/_rules/news/chrome/see-also.yml" in names
    assert "newslint/checks/news/chrome_model.json" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import newslint; "
             "assert newslint.__file__.startswith(sys.argv[1]), newslint.__file__; "
             "from newslint.checks.yaml_rules import load_packs; "
             "from newslint.checks.news.chrome_model import shipped_model; assert shipped_model().trees; "
             "print(len(load_packs(['newslint:news'], '.')))")
    out = subprocess.run([sys.executable, "-c", probe, str(target)], check=True, capture_output=True, text=True,
                         cwd=tmp_path)
    assert int(out.stdout) >= 10
