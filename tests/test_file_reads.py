"""bindref's own file reader gives exactly what ``open(path, "rb").read(limit)`` gives.

It reads with three system calls instead of a buffered file object (a check reads thousands
of files), so its chunking is tried at the sizes where a chunk ends, with and without a limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.core.snapshot import read_file

CHUNK = 1 << 16
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7]
LIMITS = [-1, 0, 1, CHUNK, CHUNK + 1, 10 * CHUNK]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("limit", LIMITS)
def test_reads_what_open_reads(tmp_path: Path, size: int, limit: int) -> None:
    file = tmp_path / "f.bin"
    file.write_bytes(bytes(index % 251 for index in range(size)))
    with open(file, "rb") as handle:
        expected = handle.read(limit)
    assert read_file(file, limit) == expected
    assert read_file(str(file).encode(), limit) == expected  # the memo walks bytes paths


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda root: root / "missing.txt", FileNotFoundError),
        (lambda root: root, IsADirectoryError),
    ],
)
def test_fails_as_open_fails(tmp_path: Path, make: object, error: type[OSError]) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(error):
        read_file(path)
