"""Java SDK sources by Maven coordinates: the ``-sources.jar`` in the local Maven repository.

An extension's Java annotations are published on Maven Central with their sources, so a
docs project compares with them without a checkout. bindref never downloads at run time:
an install step puts the jar in the local repository (``mvn dependency:get``), and a jar
that is not there is a usage error that names that command.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from bindref.core.errors import ConfigError

_COORDINATE = re.compile(r"([\w.-]+):([\w.-]+):([\w.-]+)")


def local_repository() -> Path:
    """``$BINDREF_MAVEN_REPO``, else Maven's default ``~/.m2/repository``."""
    configured = os.environ.get("BINDREF_MAVEN_REPO")
    return Path(configured) if configured else Path.home() / ".m2" / "repository"


def sources_jar(coordinate: str, *, where: str = "") -> Path:
    """The sources jar of ``group:artifact:version``; ``where`` names the setting, for the error."""
    match = _COORDINATE.fullmatch(coordinate.strip())
    if match is None:
        raise ConfigError(
            f"'{coordinate}' is not a Maven coordinate{where}",
            hint="write group:artifact:version, such as "
            "com.microsoft.azure.functions:azure-functions-java-library-sql:2.1.0",
        )
    group, artifact, version = match.groups()
    jar = local_repository().joinpath(
        *group.split("."), artifact, version, f"{artifact}-{version}-sources.jar"
    )
    if not jar.is_file():
        raise ConfigError(
            f"the sources of {coordinate} are not in the local Maven repository ({jar}){where}",
            hint=f"install them: mvn dependency:get -Dartifact={group}:{artifact}:{version}:jar:sources",
        )
    return jar
