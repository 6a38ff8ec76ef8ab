"""Provisioning LanguageTool: from Maven Central, through language-tool-python's
download, or by accepting a folder the user already has.

An installation lives in ``<data dir>/languagetool/<version>/`` with a marker file
(``newslint-install.json``) naming the version and every jar with its size; a second
install finds the marker, checks the jars against it and returns at once. The
installation ``start`` uses is recorded in ``<data dir>/languagetool/active.json``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from newslint.errors import LanguageToolError, LanguageToolNotInstalled
from newslint.languagetool.java import find_java
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import exclusive_lock

# The pinned LanguageTool release (the newest 6.x on Maven Central when pinned).
LT_VERSION = "6.8"
# English plus the three languages the server's language detector loads at start
# (with English alone it exits with "'es' is not a language code known to LanguageTool").
LANGUAGE_MODULES = ("language-en", "language-es", "language-ca", "language-pt")
DEPENDENCY_PLUGIN_VERSION = "3.6.1"
MARKER = "newslint-install.json"
INSTALL_COMMAND = "newslint languagetool install"
SOURCES = ("auto", "maven", "download")

Progress = Callable[[str], None]


class LanguageToolInstallError(LanguageToolError):
    """An install route failed; the message says why and what to try instead."""


@dataclass(frozen=True)
class Installation:
    version: str
    root: Path
    classpath: tuple[str, ...]     # entries for java -cp (a jar, or "<dir>/*")
    source: str                    # "maven" | "download" | "path"

    def to_json(self) -> dict:
        return {"version": self.version, "root": str(self.root),
                "classpath": list(self.classpath), "source": self.source}

    @classmethod
    def from_json(cls, data: dict) -> "Installation":
        return cls(str(data["version"]), Path(data["root"]), tuple(data["classpath"]), str(data["source"]))

    def is_complete(self) -> bool:
        return all(_classpath_entry_exists(entry) for entry in self.classpath)


def _classpath_entry_exists(entry: str) -> bool:
    if entry.endswith("/*"):
        return any(Path(entry[:-2]).glob("*.jar"))
    return Path(entry).is_file()


# -- finding the installation ---------------------------------------------------------

def find_installation(home: LanguageToolHome) -> Installation:
    """The installation to run, or LanguageToolNotInstalled naming the command that fixes it."""
    if home.active_file.is_file():
        try:
            inst = Installation.from_json(json.loads(home.active_file.read_text("utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise LanguageToolNotInstalled(
                f"{home.active_file} is damaged ({exc}); run `{INSTALL_COMMAND}` again") from exc
        if inst.is_complete():
            return inst
        raise LanguageToolNotInstalled(
            f"the LanguageTool installation in {inst.root} is incomplete; run `{INSTALL_COMMAND}`")
    pinned = home.version_dir(LT_VERSION)
    if verify_marker(pinned, LT_VERSION):
        return _maven_installation(pinned)
    raise LanguageToolNotInstalled(
        f"LanguageTool is not installed (looked in {home.root}); run `{INSTALL_COMMAND}`")


def verify_marker(root: Path, version: str) -> bool:
    """True when ``root`` holds a finished install of ``version`` whose jars match the marker."""
    try:
        marker = json.loads((root / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if marker.get("version") != version or not marker.get("jars"):
        return False
    for rel, size in marker["jars"].items():
        path = root / rel
        try:
            if path.stat().st_size != size:
                return False
        except OSError:
            return False
    return True


def _write_marker(root: Path, version: str, source: str) -> None:
    jars = {str(p.relative_to(root)): p.stat().st_size for p in sorted(root.rglob("*.jar"))}
    if not jars:
        raise LanguageToolInstallError(f"no jars were installed into {root}")
    (root / MARKER).write_text(json.dumps({"version": version, "source": source, "jars": jars},
                                          indent=1), "utf-8")


def _record_active(home: LanguageToolHome, inst: Installation) -> None:
    tmp = home.active_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(inst.to_json(), indent=1), "utf-8")
    os.replace(tmp, home.active_file)


# -- the entry point ------------------------------------------------------------------

def install(home: LanguageToolHome, source: str = "auto", path: str | os.PathLike | None = None,
            progress: Progress | None = None, force: bool = False) -> Installation:
    """Install (or accept) LanguageTool and make it the one ``start`` uses.

    ``source``: "maven" (Maven Central through ``mvn``), "download" (language-tool-python's
    download) or "auto" (maven when ``mvn`` is on PATH, else download). ``path``: accept
    an existing folder instead of installing.
    """
    say = progress or (lambda _msg: None)
    if source not in SOURCES:
        raise LanguageToolInstallError(f"unknown install source {source!r} (use one of {', '.join(SOURCES)})")
    find_java()
    with exclusive_lock(home.install_lock):
        if path is not None:
            inst = accept_existing(Path(path))
        else:
            if source == "auto":
                source = "maven" if shutil.which("mvn") else "download"
            target = home.version_dir(LT_VERSION)
            if not force and verify_marker(target, LT_VERSION):
                say(f"LanguageTool {LT_VERSION} is already installed in {target}")
                inst = _installation_in(target)
            else:
                inst = _install_fresh(home, target, source, say)
        _record_active(home, inst)
    return inst


def _installation_in(root: Path) -> Installation:
    marker = json.loads((root / MARKER).read_text("utf-8"))
    if marker.get("source") == "download":
        return _installation_from_folder(root, "download", LT_VERSION)
    return _maven_installation(root)


def _maven_installation(root: Path) -> Installation:
    return Installation(LT_VERSION, root, (f"{root / 'lib'}/*",), "maven")


def _install_fresh(home: LanguageToolHome, target: Path, source: str, say: Progress) -> Installation:
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        if source == "maven":
            _maven_fetch(partial, say)
        else:
            _download_fetch(partial, say)
        _write_marker(partial, LT_VERSION, source)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    say(f"LanguageTool {LT_VERSION} installed in {target}")
    return _installation_in(target)


# -- Maven route ----------------------------------------------------------------------

def maven_pom(version: str = LT_VERSION, modules: Sequence[str] = LANGUAGE_MODULES) -> str:
    """A throwaway pom whose runtime dependencies are the server and the chosen languages."""
    exclusion = ("<exclusions><exclusion><groupId>org.languagetool</groupId>"
                 "<artifactId>language-all</artifactId></exclusion></exclusions>")
    deps = [f"<dependency><groupId>org.languagetool</groupId><artifactId>languagetool-server</artifactId>"
            f"<version>{version}</version>{exclusion}</dependency>"]
    deps += [f"<dependency><groupId>org.languagetool</groupId><artifactId>{m}</artifactId>"
             f"<version>{version}</version></dependency>" for m in modules]
    body = "\n    ".join(deps)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>newslint.local</groupId>
  <artifactId>languagetool-runtime</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
    {body}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>{DEPENDENCY_PLUGIN_VERSION}</version>
      </plugin>
    </plugins>
  </build>
</project>
"""


_DOWNLOADED = re.compile(r"Downloaded from \S+: \S+ \(([\d.]+) (B|kB|KB|MB|GB)")
_COPYING = re.compile(r"Copying (\S+\.jar)")
_UNITS = {"B": 1, "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9}


class _MavenSummary:
    """Turns Maven's transfer log into a few progress lines."""

    def __init__(self, say: Progress):
        self.say = say
        self.files = 0
        self.bytes = 0.0
        self.copied = 0
        self.last = 0.0

    def feed(self, line: str) -> None:
        m = _DOWNLOADED.search(line)
        if m:
            self.files += 1
            self.bytes += float(m.group(1)) * _UNITS[m.group(2)]
            if time.monotonic() - self.last > 2:
                self.last = time.monotonic()
                self.say(f"  downloaded {self.files} files ({self.bytes / 1e6:.1f} MB) from Maven Central")
        elif _COPYING.search(line):
            self.copied += 1

    def finish(self) -> None:
        if self.files:
            self.say(f"  downloaded {self.files} files ({self.bytes / 1e6:.1f} MB) from Maven Central")
        self.say(f"  copied {self.copied} jars")


def _maven_fetch(root: Path, say: Progress) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LanguageToolInstallError(
            "Maven (`mvn`) was not found; install Maven, or use "
            f"`{INSTALL_COMMAND} --from download`, or `--path DIR` for an existing LanguageTool")
    (root / "pom.xml").write_text(maven_pom(), "utf-8")
    say(f"Resolving LanguageTool {LT_VERSION} ({', '.join(LANGUAGE_MODULES)}) from Maven Central…")
    summary = _MavenSummary(say)
    cmd = [mvn, "-B", "-f", str(root / "pom.xml"), "dependency:copy-dependencies",
           f"-DoutputDirectory={root / 'lib'}", "-DincludeScope=runtime"]
    code, tail = _run_relayed(cmd, None, summary.feed)
    if code != 0:
        errors = [ln for ln in tail if "[ERROR]" in ln][:5] or tail[-5:]
        raise LanguageToolInstallError(
            f"Maven could not resolve LanguageTool {LT_VERSION} (exit {code}):\n  "
            + "\n  ".join(ln.strip() for ln in errors))
    summary.finish()


def _run_relayed(cmd: Sequence[str], env: dict | None, on_line: Callable[[str], None]) -> tuple[int, list[str]]:
    """Run ``cmd``, hand every output line to ``on_line``; return the exit code and the last lines."""
    tail: list[str] = []
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                text=True, errors="replace", stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise LanguageToolInstallError(f"could not run {cmd[0]}: {exc}") from exc
    assert proc.stdout is not None
    with proc:
        for raw in proc.stdout:
            for line in raw.split("\r"):
                if line.strip():
                    on_line(line)
                    tail.append(line.rstrip())
                    del tail[:-40]
    return proc.returncode, tail


# -- download route (language-tool-python) ---------------------------------------------

_DOWNLOAD_SCRIPT = (
    "import sys\n"
    "from language_tool_python.download_lt import LocalLanguageTool\n"
    "LocalLanguageTool.from_version_name(sys.argv[1]).download()\n"
)


def _download_fetch(root: Path, say: Progress) -> None:
    """language-tool-python's own download, in a child process so its LTP_PATH stays local."""
    say(f"Downloading LanguageTool {LT_VERSION} through language-tool-python…")
    env = dict(os.environ, LTP_PATH=str(root))
    env.pop("LTP_JAR_DIR_PATH", None)
    last = [0.0]

    def relay(line: str) -> None:
        if time.monotonic() - last[0] > 2:
            last[0] = time.monotonic()
            say("  " + line.strip()[:120])

    code, tail = _run_relayed([sys.executable, "-c", _DOWNLOAD_SCRIPT, LT_VERSION], env, relay)
    if code != 0:
        reason = next((ln for ln in reversed(tail) if ln.strip() and not ln.startswith(" ")), "unknown error")
        raise LanguageToolInstallError(
            f"could not download LanguageTool {LT_VERSION} through language-tool-python: {reason.strip()}\n"
            f"  If this machine cannot reach the download site, use `{INSTALL_COMMAND} --from maven` "
            "(needs Maven and Maven Central) or `--path DIR` for a LanguageTool you already have.")
    if not any(root.glob(f"LanguageTool-{LT_VERSION}/languagetool-server.jar")):
        raise LanguageToolInstallError(f"the download finished but {root} holds no languagetool-server.jar")


# -- accepting an existing folder ------------------------------------------------------

def accept_existing(folder: Path) -> Installation:
    """Use a folder holding ``languagetool-server.jar`` (a release zip) or ``lib/*.jar``."""
    folder = folder.expanduser().resolve()
    if not folder.is_dir():
        raise LanguageToolInstallError(f"{folder} is not a folder")
    inst = _installation_from_folder(folder, "path", None)
    return inst


def _installation_from_folder(folder: Path, source: str, version: str | None) -> Installation:
    server_jars = [folder / "languagetool-server.jar", *sorted(folder.glob("LanguageTool-*/languagetool-server.jar"))]
    server_jar = next((j for j in server_jars if j.is_file()), None)
    if server_jar is not None:
        classpath: tuple[str, ...] = (str(server_jar),)
        version = version or _version_of_jar(server_jar) or _version_from_name(server_jar.parent.name)
    elif any((folder / "lib").glob("languagetool-server*.jar")):
        classpath = (f"{folder / 'lib'}/*",)
        version = version or _version_from_lib(folder / "lib")
    else:
        raise LanguageToolInstallError(
            f"{folder} holds neither languagetool-server.jar nor lib/languagetool-server-*.jar; "
            "give the folder of an unpacked LanguageTool release or of a Maven install")
    return Installation(version or "unknown", folder, classpath, source)


def _version_of_jar(jar: Path) -> str | None:
    try:
        with zipfile.ZipFile(jar) as zf:
            manifest = zf.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    m = re.search(r"^Implementation-Version:\s*(\S+)", manifest, re.M)
    return m.group(1) if m else None


def _version_from_name(name: str) -> str | None:
    m = re.search(r"(\d+\.\d+(?:\.\d+)?)", name)
    return m.group(1) if m else None


def _version_from_lib(lib: Path) -> str | None:
    for jar in lib.glob("languagetool-server-*.jar"):
        m = re.match(r"languagetool-server-(.+)\.jar$", jar.name)
        if m:
            return m.group(1)
    return None
