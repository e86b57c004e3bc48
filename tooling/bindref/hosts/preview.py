"""Live-preview bookkeeping: which page used which input, and which pages went stale.

During ``mkdocs serve --dirty`` MkDocs rebuilds only pages whose Markdown changed. A
bindref page also depends on definitions, sample files and templates; this tracker
records those inputs per page as the macros render it, and after a save tells the
MkDocs plugin which built pages to drop so they are rebuilt. A preview therefore
never serves a stale page, and never rebuilds pages that did not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from bindref.render.fingerprints import Fingerprint, fingerprint

_NONE: Mapping[Path, Fingerprint] = MappingProxyType({})


@dataclass
class PreviewTracker:
    """Inputs per built page, and their signatures when last built."""

    serving: bool = False
    dirty: bool = False
    errors: int = 0  # bindref errors shown as boxes in the current build
    cached: bool = False  # the first build's parses are in the cache (a preview writes it once)
    reported: set[str] = field(default_factory=set)  # error texts logged in full in this build
    inputs: dict[Path, set[Path]] = field(default_factory=dict)  # built page -> inputs
    seen: dict[Path, Fingerprint] = field(default_factory=dict)

    def record(self, output: Path, used: Iterable[Path], loaded: Mapping[Path, Fingerprint] = _NONE) -> None:
        """Remember that the page built to ``output`` used ``used``, and their state.

        A file's state is the one ``loaded`` says it was read in (definitions and templates
        are read before a page records them, and may have changed since), else its state now.
        """
        known = self.inputs.setdefault(output, set())
        for path in used:
            resolved = path.resolve()
            known.add(resolved)
            if resolved not in self.seen:
                self.seen[resolved] = loaded.get(path) or fingerprint(resolved)

    def stale_outputs(self) -> set[Path]:
        """Built pages whose inputs changed since they were built; forgets them."""
        changed = {path for path, seen in self.seen.items() if fingerprint(path) != seen}
        stale = {output for output, used in self.inputs.items() if used & changed}
        for path in changed:
            del self.seen[path]
        for output in stale:
            del self.inputs[output]
        return stale


TRACKER = PreviewTracker()
