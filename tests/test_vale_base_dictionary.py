"""Vale's base dictionary: ``newslint vale install-dictionary`` and the spelling rules using it.

Nothing is fetched: the installer reads a Go module zip built here from a small dictionary
written for these tests (tests/data/vale_base_dictionary), served by a local HTTP server,
a ``file://`` proxy or a module cache folder. The pinned checksums are Vale's real files',
so the fixture is installed with its own checksums passed in.
"""
from __future__ import annotations

import hashlib
import http.server
import json
import textwrap
import threading
import zipfile
from pathlib import Path

import pytest

from newslint.checks.yaml_rules import base_dictionary as bd
from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.checks.yaml_rules.loader import RuleSkipped
from newslint.cli import main
from newslint.documents import parse_document

FIXTURE = Path(__file__).parent / "data" / "vale_base_dictionary"
SUMS = {name: hashlib.sha256((FIXTURE / name).read_bytes()).hexdigest() for name in bd.SHA256}
ZIP_PATH = f"{bd.MODULE}/@v/v{bd.VALE_VERSION}.zip"
PREFIX = f"{bd.MODULE}@v{bd.VALE_VERSION}/{bd.DATA_DIR}/"


def module_zip(path: Path, dic: bytes | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{bd.MODULE}@v{bd.VALE_VERSION}/go.mod", f"module {bd.MODULE}\n")
        for name in bd.SHA256:
            data = dic if dic is not None and name.endswith(".dic") else (FIXTURE / name).read_bytes()
            z.writestr(PREFIX + name, data)
    return path


@pytest.fixture
def proxy(tmp_path):
    """A Go module proxy on 127.0.0.1 serving the fixture module; yields (url, request paths)."""
    root = tmp_path / "proxy"
    module_zip(root / ZIP_PATH)
    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            requests.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def go_env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {"HOME": str(tmp_path / "home"), "GOMODCACHE": str(tmp_path / "empty-cache"), "GOENV": "off"}
    env.update(values)
    return env


def test_installs_from_a_proxy_once(tmp_path, proxy):
    url, requests = proxy
    data = tmp_path / "data"
    done = bd.install(data, go_env(tmp_path, GOPROXY=f"{url},direct"), expected=SUMS)
    assert done.source == f"{url}/{ZIP_PATH}" and done.folder == data / "vale" / bd.VALE_VERSION
    assert done.dic.read_bytes() == (FIXTURE / "en_US-web.dic").read_bytes()
    assert json.loads((done.folder / bd.MARKER).read_text())["sha256"] == SUMS
    assert requests == [f"/{ZIP_PATH}"]
    again = bd.install(data, go_env(tmp_path, GOPROXY=url), expected=SUMS)
    assert again.source == "already installed" and requests == [f"/{ZIP_PATH}"]
    assert bd.find_installed(data) is not None


def test_a_checksum_mismatch_installs_nothing(tmp_path):
    root = tmp_path / "proxy"
    module_zip(root / ZIP_PATH, dic=b"1\ntampered\n")
    with pytest.raises(bd.DictionaryInstallError, match="SHA-256") as err:
        bd.install(tmp_path / "data", go_env(tmp_path, GOPROXY=root.as_uri()), expected=SUMS)
    assert "en_US-web.dic" in str(err.value)
    assert not (tmp_path / "data" / "vale" / bd.VALE_VERSION).exists()


def test_file_proxy_and_the_next_proxy_after_a_failure(tmp_path):
    good = tmp_path / "good"
    module_zip(good / ZIP_PATH)
    env = go_env(tmp_path, GOPROXY=f"{(tmp_path / 'missing').as_uri()}|{good.as_uri()}")
    assert bd.install(tmp_path / "data", env, expected=SUMS).source == f"{good.as_uri()}/{ZIP_PATH}"


def test_off_stops_and_the_error_says_what_was_tried(tmp_path):
    good = tmp_path / "good"
    module_zip(good / ZIP_PATH)
    env = go_env(tmp_path, GOPROXY=f"direct,off,{good.as_uri()}")
    with pytest.raises(bd.DictionaryInstallError) as err:
        bd.install(tmp_path / "data", env, expected=SUMS)
    text = str(err.value)
    assert "empty-cache" in text and "GOPROXY" in text and good.as_uri() not in text


def test_the_module_cache_comes_first(tmp_path):
    cache = tmp_path / "gomod"
    folder = cache / f"{bd.MODULE}@v{bd.VALE_VERSION}" / bd.DATA_DIR
    folder.mkdir(parents=True)
    for name in bd.SHA256:
        (folder / name).write_bytes((FIXTURE / name).read_bytes())
    done = bd.install(tmp_path / "data", go_env(tmp_path, GOMODCACHE=str(cache), GOPROXY="off"), expected=SUMS)
    assert done.source == str(folder)


def test_the_module_cache_zip_and_gopath(tmp_path):
    gopath = tmp_path / "gopath"
    module_zip(gopath / "pkg" / "mod" / "cache" / "download" / ZIP_PATH)
    env = {"HOME": str(tmp_path), "GOENV": "off", "GOPATH": str(gopath), "GOPROXY": "off"}
    assert bd.install(tmp_path / "data", env, expected=SUMS).source.endswith(f"v{bd.VALE_VERSION}.zip")


def test_go_settings_file_is_read(tmp_path):
    good = tmp_path / "good"
    module_zip(good / ZIP_PATH)
    settings = tmp_path / "goenv"
    settings.write_text(f"GOPROXY={good.as_uri()}\nGOMODCACHE={tmp_path / 'nothing'}\n")
    env = {"HOME": str(tmp_path), "GOENV": str(settings)}
    assert bd.install(tmp_path / "data", env, expected=SUMS).source.startswith(good.as_uri())


def test_a_damaged_install_is_not_used_and_is_replaced(tmp_path, proxy):
    url, requests = proxy
    data = tmp_path / "data"
    done = bd.install(data, go_env(tmp_path, GOPROXY=url), expected=SUMS)
    done.dic.write_text("1\nbroken\n")
    assert bd.find_installed(data) is None
    assert bd.install(data, go_env(tmp_path, GOPROXY=url), expected=SUMS).source.startswith(url)
    assert bd.find_installed(data) is not None and len(requests) == 2


def test_pinned_checksums_reject_the_fixture(tmp_path, proxy):
    url, _ = proxy
    with pytest.raises(bd.DictionaryInstallError, match="SHA-256"):
        bd.install(tmp_path / "data", go_env(tmp_path, GOPROXY=url))


def test_command(tmp_path, proxy, monkeypatch, capsys):
    url, _ = proxy
    for key, value in go_env(tmp_path, GOPROXY=url).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(tmp_path / "data"))
    assert main(["vale", "install-dictionary"]) == 2          # Vale's pinned sums: the fixture fails
    assert "SHA-256" in capsys.readouterr().err
    monkeypatch.setattr(bd, "SHA256", SUMS)
    assert main(["vale", "install-dictionary"]) == 0
    assert "ready" in capsys.readouterr().out
    assert main(["vale", "install-dictionary"]) == 0
    assert "already installed" in capsys.readouterr().out


# -- spelling rules that use it ---------------------------------------------------------

@pytest.fixture
def installed(tmp_path, monkeypatch):
    good = tmp_path / "good"
    module_zip(good / ZIP_PATH)
    data = tmp_path / "data"
    bd.install(data, go_env(tmp_path, GOPROXY=good.as_uri()), expected=SUMS)
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(data))
    return data


def spelling_hits(body: str, text: str) -> list[str]:
    rule_yaml = "extends: spelling\nmessage: \"'%s'\"\n" + textwrap.dedent(body)
    styles = Path(__file__).parent / "data" / "vale_spelling" / "styles"
    rule = load_rule(rule_yaml, str(styles / "Desk" / "T.yml"), "Desk.T", (str(styles),))
    doc = parse_document(text, "a.txt", "text")
    return [h.message for h in compile_rules([rule]).check(doc, {"Desk.T"})]


def test_a_rule_with_no_dictionary_uses_the_installed_one(installed):
    assert spelling_hits("", "The council voted. Reporters filing stories in the newsrooom.") == \
        ["'in'", "'newsrooom'"]


def test_append_adds_it_to_the_rule_dictionaries(installed):
    body = "append: true\ndicpath: Desk/dict\ndictionaries: [newsroom]\n"
    # "struct" is only in the base dictionary, "Smith" and "in" only in the rule's own.
    assert spelling_hits(body, "Smith said the struct in the wires was lat.") == ["'lat'"]


def test_without_it_the_rule_is_skipped_naming_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(tmp_path / "nothing"))
    with pytest.raises(RuleSkipped, match="newslint vale install-dictionary"):
        spelling_hits("", "text")
