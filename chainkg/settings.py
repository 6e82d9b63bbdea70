"""Configuration in one place, read from flags and the environment.

``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` name the server; the
password is never printed, logged or written to an output (``repr`` hides it).
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field

from chainkg.errors import ChainKGError

__all__ = ["Neo4jSettings", "BOLT_SCHEMES"]

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect to Neo4j.

    >>> Neo4jSettings("bolt://127.0.0.1:7687", "neo4j", "s3cret")
    Neo4jSettings(uri='bolt://127.0.0.1:7687', user='neo4j', database='neo4j')
    """

    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"

    def __post_init__(self) -> None:
        scheme = self.uri.split("://", 1)[0] if "://" in self.uri else ""
        if scheme not in BOLT_SCHEMES:
            raise ChainKGError(f"not a Neo4j URI: {self.uri!r} (expected bolt://HOST:PORT or neo4j://HOST:PORT)")

    @classmethod
    def resolve(cls, uri: str | None = None, user: str | None = None, database: str | None = None,
                *, prompt: bool = True) -> "Neo4jSettings":
        """Flags first, then the environment; the password from NEO4J_PASSWORD or a prompt."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise ChainKGError("no Neo4j server given: pass --uri or set NEO4J_URI "
                               "(`make neo4j-up` starts a local one and prints its URI)")
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            if not (prompt and sys.stdin is not None and sys.stdin.isatty()):
                raise ChainKGError("no Neo4j password: set NEO4J_PASSWORD (it is never echoed or logged)")
            password = getpass.getpass(f"Neo4j password for {user or os.environ.get('NEO4J_USER', 'neo4j')}: ")
        return cls(
            uri=uri,
            user=user or os.environ.get("NEO4J_USER", "neo4j"),
            password=password,
            database=database or os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
