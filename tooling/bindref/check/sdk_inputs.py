"""The files an SDK comparison reads, named without reading them (for the whole-check memo)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bindref.core.errors import ConfigError
from bindref.sdk.locate import PACKAGE, find_function_app, package_files
from bindref.sdk.maven import sources_jar

if TYPE_CHECKING:
    from bindref.check.context import CheckOptions
    from bindref.core.config import Settings


def sdk_input_files(settings: Settings, options: CheckOptions) -> list[Path] | None:
    """Every file the SDK comparison of a run with ``options`` reads, or None for a source checkout.

    That is the installed azure-functions package (its Python files) and each extension's
    Java sources jars; a checkout (``--sdk-source``, ``csharp_sources``, ``java_sources``) is a
    whole repository, which the whole-check memo does not hash (see :mod:`bindref.check.memo`).
    """
    if options.sdk_sources:
        return None
    files: list[Path] = []
    for name, own in sorted(settings.extensions.items()):
        if own.csharp_sources or (own.java_sources and options.java_sdk):
            return None
        if own.java_maven and options.java_sdk:
            where = f" (java_maven of extension '{name}')"
            files.extend(sources_jar(coordinate, where=where) for coordinate in own.java_maven)
    function_app = find_function_app() if options.python_sdk else None
    if function_app is not None:
        files.extend(package_files(function_app))  # the azure.functions package
    return files


def require_sdks(options: CheckOptions) -> None:
    """A comparison the user did not turn off but that cannot run is a usage error, never a pass.

    Without azure-functions, a renamed definition field would pass unseen: the error names
    the install command (the version bindref's ``[sdk]`` extra pins) and the flag that skips it.
    """
    if options.python_sdk and find_function_app() is None:
        raise ConfigError(
            f"{PACKAGE} is not installed, so the Python definitions cannot be compared with it",
            hint=f"install it: pip install '{_pinned(PACKAGE)}' (or pip install -e '.[sdk]'); "
            "or pass --no-python-sdk to skip the comparison",
        )


def _pinned(package: str) -> str:
    """``azure-functions==1.26.0`` as bindref's ``[sdk]`` extra pins it, else the bare name."""
    from importlib import metadata  # noqa: PLC0415  # only for this error: 40 ms of imports

    try:
        requirements = metadata.requires("bindref") or []
    except metadata.PackageNotFoundError:
        return package
    pins = (r.split(";")[0].strip() for r in requirements if r.startswith(f"{package}=="))
    return next(pins, package)
