"""The server's settings: the one Options object plus who may read and write."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..settings import Options


@dataclass(frozen=True)
class ServerOptions:
    """What ``create_app`` needs. Tokens come from the environment unless given.

    ``write_token`` (env ONRECORD_TOKEN): the bearer token that POST needs. None: writes are refused.
    ``read_token`` (env ONRECORD_READ_TOKEN): when set, reads need it (or the write token) too.
    """

    options: Options = field(default_factory=Options.from_env)
    write_token: str | None = None
    read_token: str | None = None

    @classmethod
    def from_env(cls, options: Options | None = None, **overrides) -> "ServerOptions":
        env = {"write_token": os.environ.get("ONRECORD_TOKEN") or None,
               "read_token": os.environ.get("ONRECORD_READ_TOKEN") or None}
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(options=options or Options.from_env(), **env)
