"""`chainkg …` in a child process whose every write transaction (one load batch each) is followed
by a pause, so a test can kill the client or the server half-way through a load. The pause wraps
the driver's public Session.execute_write in the child only: the production load path carries no
test hook. Run as ``python -c SLOW_CLI neo4j load …``."""

SLOW_CLI = """
import sys, time
import neo4j
from chainkg.cli import main

execute_write = neo4j.Session.execute_write


def execute_write_then_pause(self, *args, **kwargs):
    result = execute_write(self, *args, **kwargs)
    time.sleep(0.3)
    return result


neo4j.Session.execute_write = execute_write_then_pause
raise SystemExit(main(sys.argv[1:]))
"""
