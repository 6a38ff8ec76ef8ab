"""`newslint languagetool start --servers N`: N local servers share the cores, checks
spread their requests over them, `status` lists them and `stop` stops them all."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newslint.config.model import LanguageToolSettings
from newslint.documents import parse_document
from newslint.languagetool.cli import languagetool_group
from newslint.languagetool.install import install
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import LaunchPlan, extra_servers, extra_slots, running_server, server_threads
from newslint.languagetool.stage import LanguageToolStage, StageOptions

pytest_plugins = ["tests.lt_fixtures"]


def test_slots_keep_their_state_apart(tmp_path):
    home = LanguageToolHome(tmp_path)
    assert home.with_slot(0) == home and home.run_dir == tmp_path / "languagetool" / "run"
    assert home.with_slot(2).run_dir == home.run_dir / "slot-2"
    assert home.with_slot(2).state_file != home.state_file
    for name in ("slot-3", "slot-1", "slot-x", "slot-0", "classes"):
        (home.run_dir / name).mkdir(parents=True)
    (home.run_dir / "slot-9").write_text("not a folder")
    assert extra_slots(home) == [1, 3]
    assert extra_servers(home) == []


def test_the_thread_count_is_not_part_of_the_configuration(languagetool_installation, tmp_path):
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    one, many = LaunchPlan.build(home, 1), LaunchPlan.build(home, 4)
    assert one.config_hash == many.config_hash == LaunchPlan.build(home).config_hash
    assert "maxCheckThreads=1" in one.properties and "maxCheckThreads=4" in many.properties
    assert LaunchPlan.build(home).threads == server_threads()


def test_two_servers_share_the_checks_and_stop_together(languagetool_installation, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(tmp_path / "data"))
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    runner = CliRunner()
    try:
        started = runner.invoke(languagetool_group, ["start", "--servers", "2"])
        assert started.exit_code == 0, started.output
        assert started.output.count(" started at http://127.0.0.1:") == 2
        first, [second] = running_server(home), extra_servers(home)
        assert first.pid != second.pid and first.port != second.port
        assert first.threads == second.threads == max(1, server_threads() // 2)
        status = runner.invoke(languagetool_group, ["status"])
        assert f"also running at {second.url}, pid {second.pid}" in status.output

        # Checks use both servers: each answers some of the stories (its log says so).
        logs = [home.run_dir / "server.log", home.with_slot(1).run_dir / "server.log"]
        before = [log.read_text("utf-8", "replace").count("Check done") for log in logs]
        stage = LanguageToolStage(LanguageToolSettings(), StageOptions(use_cache=False, data_dir=str(home.data_dir)))
        try:
            conn = stage._connection(stage.settings)
            assert sorted(conn.client.pool.urls) == sorted([first.url, second.url])
            for i in range(6):
                doc = parse_document(f"Story {i}: the council have recieve the plan.\n", f"s{i}.txt", "text")
                hits = stage.check(doc, stage.settings, ())
                assert [h.rule for h in hits] == ["lt.MORFOLOGIK_RULE_EN_US"]
        finally:
            stage.close()
        after = [log.read_text("utf-8", "replace").count("Check done") for log in logs]
        assert all(a > b for a, b in zip(after, before)), (before, after)

        stopped = runner.invoke(languagetool_group, ["stop"])
        assert stopped.exit_code == 0 and stopped.output.count("stopped LanguageTool") == 2
        assert not pid_alive(first.pid) and not pid_alive(second.pid)
        assert running_server(home) is None and extra_servers(home) == []
    finally:
        runner.invoke(languagetool_group, ["stop"])
