"""Installing LanguageTool: the Maven route for real, the other routes' error paths."""
from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.errors import LanguageToolNotInstalled
from newslint.languagetool.cli import languagetool_group
from newslint.languagetool.install import (LANGUAGE_MODULES, LT_VERSION, MARKER, LanguageToolInstallError,
                                           accept_existing, find_installation, install, maven_pom,
                                           verify_marker)
from newslint.languagetool.java import JavaNotFound, find_java, parse_java_major
from newslint.languagetool.paths import LanguageToolHome

pytest_plugins = ["tests.lt_fixtures"]


def _script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_pom_lists_server_and_the_four_languages_without_language_all():
    pom = maven_pom()
    assert "<artifactId>languagetool-server</artifactId>" in pom
    for module in ("language-en", "language-es", "language-ca", "language-pt"):
        assert f"<artifactId>{module}</artifactId>" in pom
    assert set(LANGUAGE_MODULES) == {"language-en", "language-es", "language-ca", "language-pt"}
    assert "<exclusion><groupId>org.languagetool</groupId><artifactId>language-all</artifactId>" in pom
    assert pom.count(f"<version>{LT_VERSION}</version>") == 1 + 1 + len(LANGUAGE_MODULES)


def test_maven_install_is_complete(languagetool_installation):
    inst = languagetool_installation
    assert inst.version == LT_VERSION and inst.source == "maven"
    lib = inst.root / "lib"
    names = {p.name for p in lib.glob("*.jar")}
    assert f"languagetool-server-{LT_VERSION}.jar" in names
    for module in LANGUAGE_MODULES:
        assert f"{module}-{LT_VERSION}.jar" in names
    assert not any(n.startswith("language-de-") or n.startswith("language-all") for n in names)
    assert verify_marker(inst.root, LT_VERSION)
    marker = json.loads((inst.root / MARKER).read_text())
    assert marker["version"] == LT_VERSION and len(marker["jars"]) == len(names)


def test_second_install_is_a_quick_no_op(languagetool_home, languagetool_installation):
    messages: list[str] = []
    started = time.monotonic()
    again = install(languagetool_home, "maven", progress=messages.append)
    assert time.monotonic() - started < 5
    assert again == languagetool_installation
    assert any("already installed" in m for m in messages)
    assert find_installation(languagetool_home) == again


def test_marker_check_notices_a_damaged_jar(tmp_path):
    (tmp_path / "lib").mkdir()
    jar = tmp_path / "lib" / "languagetool-server-6.8.jar"
    jar.write_bytes(b"x" * 10)
    (tmp_path / MARKER).write_text(json.dumps({"version": "6.8", "jars": {"lib/languagetool-server-6.8.jar": 10}}))
    assert verify_marker(tmp_path, "6.8")
    assert not verify_marker(tmp_path, "6.7")
    jar.write_bytes(b"x" * 9)
    assert not verify_marker(tmp_path, "6.8")
    jar.unlink()
    assert not verify_marker(tmp_path, "6.8")


def test_not_installed_names_the_command(tmp_path):
    with pytest.raises(LanguageToolNotInstalled, match="newslint languagetool install"):
        find_installation(LanguageToolHome(tmp_path))


def test_path_accepts_a_maven_style_folder(tmp_path, languagetool_installation):
    home = LanguageToolHome(tmp_path / "data")
    inst = install(home, path=languagetool_installation.root)
    assert inst.source == "path" and inst.version == LT_VERSION
    assert inst.classpath == (f"{languagetool_installation.root / 'lib'}/*",)
    assert find_installation(home) == inst


def test_path_accepts_a_release_folder_and_rejects_others(tmp_path):
    release = tmp_path / "LanguageTool-6.8"
    release.mkdir()
    (release / "languagetool-server.jar").write_bytes(b"PK\x05\x06" + b"\0" * 18)   # an empty zip
    inst = accept_existing(release)
    assert inst.classpath == (str(release / "languagetool-server.jar"),) and inst.version == "6.8"
    assert accept_existing(tmp_path).classpath == inst.classpath    # the folder holding the release
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LanguageToolInstallError, match="neither languagetool-server.jar"):
        accept_existing(empty)
    with pytest.raises(LanguageToolInstallError, match="not a folder"):
        accept_existing(tmp_path / "missing")


def test_cli_install_path(tmp_path, languagetool_installation):
    result = CliRunner().invoke(languagetool_group, ["install", "--path", str(languagetool_installation.root)],
                                env={"NEWSLINT_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert f"LanguageTool {LT_VERSION} (path) ready" in result.stdout
    active = json.loads((tmp_path / "languagetool" / "active.json").read_text())
    assert active["root"] == str(languagetool_installation.root)


def test_cli_install_again_is_a_no_op(languagetool_home, languagetool_installation):
    result = CliRunner().invoke(languagetool_group, ["install", "--from", "maven"])
    assert result.exit_code == 0, result.output
    assert "already installed" in result.stderr
    assert f"LanguageTool {LT_VERSION} (maven) ready: {languagetool_installation.root}" in result.stdout


def test_download_route_reports_an_unreachable_site(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_DOWNLOAD_HOST_NEW_RELEASES", "http://127.0.0.1:9/")
    home = LanguageToolHome(tmp_path)
    with pytest.raises(LanguageToolInstallError) as info:
        install(home, "download")
    message = str(info.value)
    assert "could not download LanguageTool" in message and "--from maven" in message
    assert not (tmp_path / "languagetool" / LT_VERSION).exists()
    assert not (tmp_path / "languagetool" / f"{LT_VERSION}.partial").exists()


def test_maven_failure_is_reported_with_its_errors(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir, "mvn", 'echo "[ERROR] Failed to resolve org.languagetool:language-en:6.8"; exit 1')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(LanguageToolInstallError, match="Failed to resolve org.languagetool:language-en"):
        install(LanguageToolHome(tmp_path / "data"), "maven")


def test_auto_without_maven_uses_the_download_route(tmp_path, monkeypatch):
    java = find_java().executable
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(java, bin_dir / "java")
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("LTP_DOWNLOAD_HOST_NEW_RELEASES", "http://127.0.0.1:9/")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(LanguageToolInstallError, match="could not download"):
        install(LanguageToolHome(tmp_path / "data"), "auto")


def test_missing_java_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(JavaNotFound, match=r"Java 17 or newer.*openjdk-17"):
        install(LanguageToolHome(tmp_path / "data"), "maven")


def test_old_java_is_refused(tmp_path, monkeypatch):
    _script(tmp_path, "java", 'echo \'java version "1.8.0_292"\' >&2')
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(JavaNotFound, match="is Java 8; LanguageTool needs Java 17"):
        find_java()


@pytest.mark.parametrize("text, major", [
    ('openjdk version "17.0.15" 2025-04-15', 17),
    ('java version "1.8.0_292"', 8),
    ('openjdk version "21" 2023-09-19', 21),
    ("garbage", None),
])
def test_parse_java_major(text, major):
    assert parse_java_major(text) == major
