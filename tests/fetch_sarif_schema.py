"""Fetch the official SARIF 2.1.0 JSON schema once, for the schema test in ``test_report.py``.

The schema ships inside Microsoft's SARIF multitool npm package; npm is the one
registry client that reaches it here, so the script runs ``npm pack`` (no install,
no scripts) and keeps only the schema file. Usage::

    python tests/fetch_sarif_schema.py DEST_DIR

prints the schema path; set ``BINDREF_SARIF_SCHEMA`` to it when running pytest.
Does nothing when the file is already there, so CI can call it on every run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0"
MEMBER = "package/sarif-2.1.0.json"
FILENAME = "sarif-2.1.0.json"


def fetch_schema(dest_dir: Path) -> Path:
    """Return ``dest_dir/sarif-2.1.0.json``, downloading it first when it is missing."""
    target = dest_dir / FILENAME
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("fetch_sarif_schema: npm is not on PATH (install Node.js to fetch the schema)")
    dest_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        # fixed argument list, no shell; `npm pack` downloads the tarball without running its scripts
        result = subprocess.run(  # noqa: S603
            [npm, "pack", PACKAGE, "--json", "--silent"],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        )
        tarball = Path(work) / json.loads(result.stdout)[0]["filename"]
        with tarfile.open(tarball, "r:gz") as archive:
            source = archive.extractfile(MEMBER)
            if source is None:
                raise SystemExit(f"fetch_sarif_schema: {MEMBER} is not a file in {PACKAGE}")
            data = source.read()
    json.loads(data)  # refuse to install a truncated or non-JSON schema
    fd, temp_name = tempfile.mkstemp(prefix=f".{FILENAME}.", dir=dest_dir)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
        os.chmod(temp_name, 0o644)  # mkstemp makes it owner-only; the schema is public
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def main(argv: list[str]) -> int:
    """Fetch into the one directory named on the command line and print the schema path."""
    if len(argv) != 1:
        print("usage: python tests/fetch_sarif_schema.py DEST_DIR", file=sys.stderr)
        return 2
    print(fetch_schema(Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
