"""The Neo4j runtime: no password on a command line, a lost server is one line within the driver's time-outs,
the server's notifications only with ``--verbose`` — on real servers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from _slow_cli import SLOW_CLI

from chainkg.graph.neo4j_server import set_initial_password, set_initial_password_command, start_server, stop_server
from chainkg.graph.neo4j_store import connect


def test_the_initial_password_command_line_holds_no_password(tmp_path):
    password_file = tmp_path / "password"
    password_file.write_text("0123456789abcdef0123456789abcdef\n", encoding="utf-8")
    command = set_initial_password_command("java", "neo4j.jar", password_file)
    assert not any("0123456789abcdef" in argument for argument in command)
    assert command[-1] == f"@{password_file}"  # the admin tool reads the password from the file


def test_the_password_set_offline_is_written_only_to_a_private_file(tmp_path, monkeypatch):
    """The command that ran: no argument of it is the password that ended up in the file."""
    seen: list[list[str]] = []

    def record(command, **kwargs):
        seen.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", record)  # neo4j-admin itself runs in the server fixtures
    password_file = set_initial_password("neo4j.jar", tmp_path, tmp_path / "conf")
    password = password_file.read_text(encoding="utf-8").strip()
    assert len(password) == 32 and oct(password_file.stat().st_mode & 0o777) == "0o600"
    assert [argument for argument in seen[0] if password in argument] == []


def test_the_suite_server_took_the_password_from_the_file(neo4j_store, neo4j_settings):
    """The session's server (started by conftest through the same code, unless NEO4J_URI names
    one) lets us in with the password that is in its file and nowhere on a command line."""
    assert neo4j_store.run("RETURN 1 AS one") == [{"one": 1}]


def test_notifications_are_silent_unless_verbose(neo4j_settings, capsys):
    unknown_label = "MATCH (n:NoSuchLabelAnywhere) RETURN count(n) AS n"  # the server warns: unknown label
    with connect(neo4j_settings) as store:
        assert store.run(unknown_label) == [{"n": 0}]
    assert capsys.readouterr().err == ""
    with connect(neo4j_settings, verbose=True) as store:
        assert store.run(unknown_label) == [{"n": 0}]
    assert "NoSuchLabelAnywhere" in capsys.readouterr().err
    with connect(neo4j_settings) as store:  # quiet again: verbose does not stick to the next connection
        store.run(unknown_label)
    assert capsys.readouterr().err == ""


@pytest.fixture(scope="module")
def throwaway_server():
    """A server of its own, to be killed: the session's server lives on for the other tests."""
    server = start_server(heap="512m", pagecache="64m")
    try:
        yield server
    finally:
        stop_server(server, remove_home=True)


def test_a_server_killed_mid_load_ends_the_load_in_one_line_within_the_drivers_bounds(throwaway_server):
    """The load gives up within the driver's retry, connection and acquisition time-outs (11 s), plus
    10 s for a loaded machine to notice and exit, instead of retrying without end (a hang is what
    this catches: 15 s flat failed at 15.3–15.6 s on the busy 2-core machine)."""
    from chainkg.graph.neo4j_store import ACQUISITION_TIMEOUT_SECONDS, CONNECTION_TIMEOUT_SECONDS, MAX_RETRY_SECONDS

    bound = MAX_RETRY_SECONDS + CONNECTION_TIMEOUT_SECONDS + ACQUISITION_TIMEOUT_SECONDS + 10
    server = throwaway_server
    environment = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USER": server.user,
                   "NEO4J_PASSWORD": server.password}
    load = subprocess.Popen([sys.executable, "-c", SLOW_CLI, "neo4j", "load", "--batch-size", "5"],
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with connect(server_settings(server)) as watcher:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and watcher.counts()[0] < 15:
            time.sleep(0.1)
        assert watcher.counts()[0] >= 15, "the load never got going"
    os.kill(server.pid, signal.SIGKILL)
    killed = time.monotonic()
    try:
        out, err = load.communicate(timeout=60)
    finally:
        load.kill()
    elapsed = time.monotonic() - killed
    assert load.returncode == 2, err
    assert elapsed < bound, f"{elapsed:.1f} s"
    lines = [line for line in err.splitlines() if not line.startswith("reading graph:")]
    assert len(lines) == 1 and lines[0].startswith("chainkg: error: "), err
    assert "notification" not in err.lower() and server.password not in out + err


def server_settings(server):
    from chainkg.settings import Neo4jSettings

    return Neo4jSettings(server.uri, server.user, server.password)
