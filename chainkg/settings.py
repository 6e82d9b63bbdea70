"""Configuration in one place: a plain value object, filled from flags and the environment.

``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` name the server; the
password is never printed, logged or written to an output (``repr`` hides it).

Nothing here asks the user anything: a library or a test that builds settings never blocks
on a terminal. Asking for a missing password is the command line's job (``chainkg.cli``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
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
    def resolve(cls, uri: str | None = None, user: str | None = None, database: str | None = None, *,
                password: str | None = None, environ: Mapping[str, str] | None = None) -> Neo4jSettings:
        """Flags first, then the environment (``environ``, default ``os.environ``).

        ``password`` (e.g. one the CLI asked for) wins over ``NEO4J_PASSWORD``. A missing URI
        or password is a :class:`ChainKGError` saying what to set.

        Examples
        --------
        >>> settings = Neo4jSettings.resolve(environ={"NEO4J_URI": "bolt://127.0.0.1:7687",
        ...                                           "NEO4J_PASSWORD": "s3cret"}, user="reader")
        >>> settings.user, settings.database, settings.password == "s3cret"
        ('reader', 'neo4j', True)
        >>> Neo4jSettings.resolve(environ={"NEO4J_URI": "bolt://127.0.0.1:7687"})
        Traceback (most recent call last):
        ...
        chainkg.errors.ChainKGError: no Neo4j password: set NEO4J_PASSWORD (it is never echoed or logged)
        """
        environ = os.environ if environ is None else environ
        uri = uri or environ.get("NEO4J_URI")
        if not uri:
            raise ChainKGError("no Neo4j server given: pass --uri or set NEO4J_URI "
                               "(`make neo4j-up` starts a local one and prints its URI)")
        password = environ.get("NEO4J_PASSWORD") if password is None else password
        if password is None:
            raise ChainKGError("no Neo4j password: set NEO4J_PASSWORD (it is never echoed or logged)")
        return cls(
            uri=uri,
            user=user or environ.get("NEO4J_USER", "neo4j"),
            password=password,
            database=database or environ.get("NEO4J_DATABASE", "neo4j"),
        )
