"""A real, throwaway Neo4j Community server for development and tests — no Docker.

Neo4j 5.26 LTS is resolved from Maven Central with ``mvn`` into the per-user Maven cache
(``~/.m2``; the resolved class path is cached under ``~/.cache/chainkg``), then started as a
plain ``java`` process bound to 127.0.0.1 on a free port, with authentication on. The
initial password is set offline with ``neo4j-admin dbms set-initial-password`` and kept in
``<home>/password`` (mode 0600, the only place it is written). The admin tool reads it from
that file (``@file``: its command-line parser, picocli, takes arguments from a file), so it is
never on a command line, where ``ps`` would show it to every user of the machine.

Example
-------
>>> server = start_server()                     # doctest: +SKIP
>>> server.uri                                  # doctest: +SKIP
'bolt://127.0.0.1:40123'
>>> stop_server(server)                         # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from chainkg.errors import ChainKGError

__all__ = [
    "NEO4J_VERSION",
    "Neo4jServer",
    "java_executable",
    "resolve_classpath",
    "start_server",
    "stop_server",
    "write_state",
    "read_state",
    "STATE_FILE",
    "set_initial_password_command",
    "set_initial_password",
]

NEO4J_VERSION = "5.26.30"
_POM = Path(__file__).resolve().parent / "neo4j_runtime" / "pom.xml"
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "chainkg"
#: Where `chainkg neo4j up` records the server it started, for `chainkg neo4j down`.
STATE_FILE = CACHE_DIR / "neo4j-dev-server.json"

# The stock launcher always adds these ("the database can't start without them").
_JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


@dataclass(frozen=True)
class Neo4jServer:
    """A running server: where it listens, where it lives, how to reach its password."""

    uri: str
    port: int
    home: Path
    pid: int
    password_file: Path
    user: str = "neo4j"

    @property
    def password(self) -> str:
        return self.password_file.read_text(encoding="utf-8").strip()


def java_executable() -> str:
    """The ``java`` on PATH that runs the server and ``neo4j-admin``, or a clear error."""
    java = shutil.which("java")
    if java is None:
        raise ChainKGError("java not found: Neo4j 5.26 needs Java 17 or 21 on PATH")
    return java


def resolve_classpath(*, quiet: bool = True) -> str:
    """The Neo4j class path, resolving the jars from Maven Central on first use.

    The jars go to the per-user Maven cache; the class path is cached in
    ``~/.cache/chainkg/neo4j-<version>.classpath`` and re-resolved if a jar went missing.
    """
    cached = CACHE_DIR / f"neo4j-{NEO4J_VERSION}.classpath"
    if cached.exists():
        classpath = cached.read_text(encoding="utf-8").strip()
        if classpath and all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ChainKGError("mvn not found: it is needed once to fetch Neo4j from Maven Central (apt-get install maven)")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    output = CACHE_DIR / f"neo4j-{NEO4J_VERSION}.classpath.tmp"
    command = [mvn, "-B", "-f", str(_POM), "dependency:build-classpath",
               f"-Dmdep.outputFile={output}", "-Dmdep.includeScope=runtime"]
    if quiet:
        command.insert(1, "-q")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not output.exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise ChainKGError(f"could not resolve Neo4j {NEO4J_VERSION} from Maven Central:\n{tail}")
    os.replace(output, cached)
    return cached.read_text(encoding="utf-8").strip()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write_config(home: Path, port: int, pagecache: str) -> Path:
    conf = home / "conf"
    for folder in ("conf", "data", "logs", "run", "import", "plugins"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.bolt.advertised_address": f"127.0.0.1:{port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "dbms.usage_report.enabled": "false",
        "server.memory.pagecache.size": pagecache,
        **{f"server.directories.{name}": str(home / name) for name in ("data", "logs", "run", "import", "plugins")},
    }
    (conf / "neo4j.conf").write_text("".join(f"{k}={v}\n" for k, v in settings.items()), encoding="utf-8")
    return conf


def set_initial_password_command(java: str, classpath: str, password_file: Path) -> list[str]:
    """The ``neo4j-admin dbms set-initial-password`` command line: the password comes from
    ``password_file`` (picocli's ``@file`` argument), never from the command line itself.

    >>> from pathlib import Path
    >>> set_initial_password_command("java", "neo4j.jar", Path("/srv/neo4j/password"))[-3:]
    ['dbms', 'set-initial-password', '@/srv/neo4j/password']
    """
    return [java, "-cp", classpath, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", f"@{password_file}"]


def set_initial_password(classpath: str, home: Path, conf: Path) -> Path:
    """Make a new password, write it to ``<home>/password`` (0600) and set it offline; the file."""
    password_file = home / "password"
    # hex: never starts with "-" (an option) and holds no blank, quote or "#", which the @file
    # reader would take as a separator, a quote or a comment
    password = secrets.token_hex(16)
    descriptor = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    environment = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    result = subprocess.run(set_initial_password_command(java_executable(), classpath, password_file),
                            capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise ChainKGError(f"neo4j-admin set-initial-password failed: {result.stderr.strip()[-500:]}")
    return password_file


def _wait_for_bolt(server: Neo4jServer, process: subprocess.Popen, timeout: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import ServiceUnavailable

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (server.home / "logs" / "console.log").read_text(encoding="utf-8", errors="replace")
            raise ChainKGError(f"Neo4j exited with status {process.returncode} while starting:\n{log[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                pass
            with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
                driver.verify_connectivity()
                driver.execute_query("RETURN 1", database_="neo4j")
            return
        except (OSError, ServiceUnavailable):
            time.sleep(0.5)
        except Exception as error:  # database still starting: "unavailable" client errors
            if "unavailable" not in str(error).lower() and "not found" not in str(error).lower():
                raise
            time.sleep(0.5)
    stop_server(server)
    raise ChainKGError(f"Neo4j did not answer on {server.uri} within {timeout:.0f} s (see {server.home}/logs)")


def start_server(home: str | Path | None = None, *, port: int | None = None, heap: str = "1g",
                 pagecache: str = "256m", timeout: float = 180.0, before_start=None) -> Neo4jServer:
    """Start a fresh Neo4j bound to 127.0.0.1 and wait until Bolt answers.

    Parameters
    ----------
    home
        Folder for config, data and logs (default: a new temporary folder). It must not
        hold a database started before: the initial password is set offline.
    port
        Bolt port (default: a free one).
    heap, pagecache
        JVM heap (-Xms/-Xmx) and page cache size.
    before_start
        Called with the prepared folder before the server starts (e.g. an offline
        ``neo4j-admin database import``).
    """
    classpath = resolve_classpath()
    home = Path(home) if home else Path(tempfile.mkdtemp(prefix="chainkg-neo4j-"))
    if (home / "data" / "databases").exists():
        raise ChainKGError(f"{home} already holds a database; give an empty folder")
    port = port or _free_port()
    conf = _write_config(home, port, pagecache)
    password_file = set_initial_password(classpath, home, conf)
    if before_start is not None:
        before_start(home)
    console = open(home / "logs" / "console.log", "w", encoding="utf-8")
    process = subprocess.Popen(
        [java_executable(), f"-Xms{heap}", f"-Xmx{heap}", *_JVM_FLAGS, "-cp", classpath,
         "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}", f"--config-dir={conf}"],
        stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl-C in the caller's terminal does not reach it
    )
    console.close()
    server = Neo4jServer(uri=f"bolt://127.0.0.1:{port}", port=port, home=home, pid=process.pid,
                         password_file=password_file)
    _wait_for_bolt(server, process, timeout)
    return server


def stop_server(server: Neo4jServer, *, timeout: float = 60.0, remove_home: bool = False) -> None:
    """Stop the server cleanly (SIGTERM, then SIGKILL after ``timeout``)."""
    try:
        os.kill(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    else:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(server.pid):
            time.sleep(0.2)
        if _alive(server.pid):
            os.kill(server.pid, signal.SIGKILL)
    if remove_home:
        shutil.rmtree(server.home, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished == pid:
            return False
    except ChildProcessError:
        pass  # not our child: fall back to a signal probe
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def write_state(server: Neo4jServer, path: Path = STATE_FILE) -> None:
    """Record ``server`` for a later ``chainkg neo4j down`` (:func:`read_state` reads it back).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "state.json"
    >>> read_state(path) is None
    True
    >>> home = pathlib.Path("/srv/neo4j")
    >>> server = Neo4jServer("bolt://127.0.0.1:7687", 7687, home, 4242, home / "password")
    >>> write_state(server, path)
    >>> read_state(path) == server
    True
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: str(v) for k, v in asdict(server).items()}
    path.write_text(json.dumps(state, indent=2), encoding="utf-8")


def read_state(path: Path = STATE_FILE) -> Neo4jServer | None:
    """The server :func:`write_state` recorded, or None if none is."""
    if not path.exists():
        return None
    state = json.loads(path.read_text(encoding="utf-8"))
    return Neo4jServer(uri=state["uri"], port=int(state["port"]), home=Path(state["home"]),
                       pid=int(state["pid"]), password_file=Path(state["password_file"]), user=state["user"])
