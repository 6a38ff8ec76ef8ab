"""Finding a Java runtime recent enough for LanguageTool 6.x (Java 17+)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from newslint.errors import LanguageToolError

MIN_JAVA = 17
INSTALL_HINT = (
    "install a Java 17+ runtime (e.g. `apt install openjdk-17-jre-headless`, "
    "`brew install openjdk@17`, or https://adoptium.net) and put `java` on PATH or set JAVA_HOME"
)


class JavaNotFound(LanguageToolError):
    """No usable ``java`` executable, or one older than Java 17."""


@dataclass(frozen=True)
class JavaRuntime:
    executable: str
    major: int


_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def parse_java_major(version_output: str) -> int | None:
    """``openjdk version "17.0.15"`` -> 17; ``java version "1.8.0_292"`` -> 8."""
    m = _VERSION.search(version_output)
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):
        major = int(m.group(2))
    return major


def java_executable() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("java")


def find_java() -> JavaRuntime:
    exe = java_executable()
    if exe is None:
        raise JavaNotFound(f"Java was not found; LanguageTool needs Java {MIN_JAVA} or newer: {INSTALL_HINT}.")
    try:
        out = subprocess.run([exe, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise JavaNotFound(f"could not run {exe} -version ({exc}); {INSTALL_HINT}.") from exc
    major = parse_java_major(out.stderr + out.stdout)
    if major is None:
        raise JavaNotFound(f"could not read the Java version from `{exe} -version`; {INSTALL_HINT}.")
    if major < MIN_JAVA:
        raise JavaNotFound(
            f"{exe} is Java {major}; LanguageTool needs Java {MIN_JAVA} or newer: {INSTALL_HINT}.")
    return JavaRuntime(exe, major)
