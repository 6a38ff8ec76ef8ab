"""Vale's base English dictionary (``en_US-web``): installing it and finding it.

Vale spells with its own build of SCOWL's ``en_US-web`` when a spelling rule names no
dictionary of its own (or sets ``append: true``). The files are in Vale's Go module
(``internal/spell/data/en_US-web.{dic,aff}``), not in any package a project installs, so
``newslint vale install-dictionary`` copies them, pinned to Vale 3.22.0, into
``<data dir>/vale/3.22.0/``. It takes them, in this order, from the Go module cache
(``GOMODCACHE``: the extracted module, then its downloaded zip) and from the module
proxies in ``GOPROXY`` (``https://``/``file://`` entries; ``direct`` is skipped, ``off``
stops). Both variables are read as Go reads them: the environment, then Go's own
``go/env`` settings file, then Go's defaults. Every copy is checked against the pinned
SHA-256 of each file before it is used or installed.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from newslint.errors import NewslintError

VALE_VERSION = "3.22.0"
MODULE = "github.com/vale-cli/vale/v3"
NAME = "en_US-web"
DATA_DIR = "internal/spell/data"
# SHA-256 of the two files in github.com/vale-cli/vale/v3@v3.22.0.
SHA256 = {
    "en_US-web.dic": "43829bd20f983dc970916c347c4fc7a224e8fa2d4e7134219b1f9b840e82f00b",
    "en_US-web.aff": "e3aa3f24f75ea49468f79f0aaf43e1095797f465d90ebd5a3e47690612e4b189",
}
MARKER = "newslint-dictionary.json"
INSTALL_COMMAND = "newslint vale install-dictionary"
DEFAULT_GOPROXY = "https://proxy.golang.org,direct"
MAX_ZIP_BYTES = 64 * 1024 * 1024     # Vale's module zip is about 2 MB

Progress = Callable[[str], None]


class DictionaryInstallError(NewslintError):
    """No source gave the dictionary files with the pinned checksums; says what was tried."""


@dataclass(frozen=True)
class Installed:
    folder: Path
    source: str          # where the files came from ("already installed" for a second run)

    @property
    def dic(self) -> Path:
        return self.folder / f"{NAME}.dic"

    @property
    def aff(self) -> Path:
        return self.folder / f"{NAME}.aff"


def install_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "vale" / VALE_VERSION


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_installed(data_dir: Path) -> Installed | None:
    """The installed dictionary when both files still have the checksums its install recorded
    (the pinned ones, checked when it was installed), else None."""
    folder = install_dir(data_dir)
    try:
        marker = json.loads((folder / MARKER).read_text("utf-8"))
        sums = marker["sha256"]
        if marker.get("version") != VALE_VERSION or set(sums) != set(SHA256):
            return None
        for name, digest in sums.items():
            if _sha256((folder / name).read_bytes()) != digest:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Installed(folder, "already installed")


def _recorded_sums(folder: Path) -> dict:
    try:
        return json.loads((folder / MARKER).read_text("utf-8")).get("sha256")
    except (OSError, ValueError, AttributeError):
        return {}


# -- Go's settings ---------------------------------------------------------------------

def _go_env_file(env: Mapping[str, str]) -> Path | None:
    if env.get("GOENV") == "off":
        return None
    if env.get("GOENV"):
        return Path(env["GOENV"])
    config = env.get("XDG_CONFIG_HOME") or (os.path.join(env["HOME"], ".config") if env.get("HOME") else "")
    return Path(config) / "go" / "env" if config else None


def go_setting(name: str, env: Mapping[str, str]) -> str:
    """A Go setting as ``go env`` gives it: the environment, then Go's settings file, else ''."""
    if env.get(name):
        return env[name]
    path = _go_env_file(env)
    try:
        lines = path.read_text("utf-8").splitlines() if path is not None else []
    except OSError:
        lines = []
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and key.strip() == name:
            return value.strip()
    return ""


def module_cache(env: Mapping[str, str]) -> Path | None:
    cache = go_setting("GOMODCACHE", env)
    if cache:
        return Path(cache)
    gopath = go_setting("GOPATH", env).split(os.pathsep)[0]
    if not gopath and env.get("HOME"):
        gopath = os.path.join(env["HOME"], "go")
    return Path(gopath) / "pkg" / "mod" if gopath else None


def proxies(env: Mapping[str, str]) -> list[str]:
    """GOPROXY's proxy URLs in order, up to ``off``; ``direct`` (version control) is skipped."""
    value = go_setting("GOPROXY", env) or DEFAULT_GOPROXY
    out = []
    for entry in value.replace("|", ",").split(","):
        entry = entry.strip()
        if entry == "off":
            break
        if entry and entry != "direct":
            out.append(entry.rstrip("/"))
    return out


# -- reading a source ------------------------------------------------------------------

def _from_zip(data: bytes) -> dict[str, bytes]:
    prefix = f"{MODULE}@v{VALE_VERSION}/{DATA_DIR}/"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(prefix + name) for name in SHA256}


def _checked(files: Mapping[str, bytes], expected: Mapping[str, str], where: str) -> dict[str, bytes]:
    for name, digest in expected.items():
        got = _sha256(files[name])
        if got != digest:
            raise DictionaryInstallError(f"{where}: {name} has SHA-256 {got}, expected {digest}")
    return dict(files)


def _download(url: str, opener: Callable) -> bytes:
    with opener(url, timeout=60) as response:
        data = response.read(MAX_ZIP_BYTES + 1)
    if len(data) > MAX_ZIP_BYTES:
        raise DictionaryInstallError(f"{url}: larger than {MAX_ZIP_BYTES} bytes")
    return data


def _sources(env: Mapping[str, str], opener: Callable):
    """(description, loader) for each place the files may come from, in order."""
    cache = module_cache(env)
    if cache is not None:
        folder = cache / f"{MODULE}@v{VALE_VERSION}" / DATA_DIR
        yield str(folder), lambda: {name: (folder / name).read_bytes() for name in SHA256}
        archive = cache / "cache" / "download" / MODULE / "@v" / f"v{VALE_VERSION}.zip"
        yield str(archive), lambda: _from_zip(archive.read_bytes())
    for proxy in proxies(env):
        url = f"{proxy}/{MODULE}/@v/v{VALE_VERSION}.zip"
        yield url, lambda url=url: _from_zip(_download(url, opener))


def install(data_dir: Path, env: Mapping[str, str] | None = None, *, expected: Mapping[str, str] | None = None,
            progress: Progress | None = None, force: bool = False,
            opener: Callable = urllib.request.urlopen) -> Installed:
    """Install the dictionary into ``<data_dir>/vale/<version>/``; a second run returns at once."""
    env = os.environ if env is None else env
    expected = SHA256 if expected is None else expected
    if not force:
        found = find_installed(data_dir)
        if found is not None and _recorded_sums(found.folder) == dict(expected):
            return found
    tried = []
    for where, load in _sources(env, opener):
        try:
            files = _checked(load(), expected, where)
        except FileNotFoundError:
            tried.append(f"{where}: not there")
            continue
        except (OSError, KeyError, zipfile.BadZipFile, urllib.error.URLError, ValueError) as exc:
            tried.append(f"{where}: {exc}")
            continue
        except DictionaryInstallError as exc:
            tried.append(str(exc))
            continue
        if progress is not None:
            progress(f"Vale {VALE_VERSION} dictionary {NAME} from {where}")
        return Installed(_write(data_dir, files, expected), where)
    raise DictionaryInstallError(
        f"Vale {VALE_VERSION}'s {NAME} dictionary was not found; tried:\n  " + "\n  ".join(tried or ["nothing"])
        + "\n(set GOPROXY to a Go module proxy you can reach, or GOMODCACHE to a module cache holding "
          f"{MODULE}@v{VALE_VERSION})")


def _write(data_dir: Path, files: Mapping[str, bytes], expected: Mapping[str, str]) -> Path:
    final = install_dir(data_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=final.parent))
    try:
        staging.chmod(0o755)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        (staging / MARKER).write_text(json.dumps({"version": VALE_VERSION, "module": MODULE,
                                                  "sha256": dict(expected)}, indent=1), "utf-8")
        if final.exists():
            shutil.rmtree(final)
        os.replace(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return final
