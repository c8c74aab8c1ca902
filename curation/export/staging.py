"""All of an export's files (data and manifests) are written to temporary names first and
renamed into place together, only once every one of them is complete and on disk.

:func:`curation.fileio.atomic_writer` makes one file atomic; an export writes up to four
(train, validation and a manifest beside each). Staging them all first means a full disk,
a failed row or a crash at any point before the renames leaves the previous export's
files exactly as they were — data and manifests still matching — and no temporary file
behind. The renames themselves need no space; only a failure between two of them (not
a full disk) could leave a mix, and the caller records the export only after they all
succeeded.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

from curation.errors import CurationError


class Staging:
    """Temporary files beside their targets; :meth:`commit` renames them all, :meth:`discard`
    (or leaving the ``with`` block on an error) removes them."""

    def __init__(self) -> None:
        self.files: list[tuple[IO[bytes], Path, Path]] = []  # (handle, temporary, target)
        self.renamed: list[Path] = []
        self.committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.committed:
            self.discard()
        if isinstance(exc, OSError):
            raise CurationError(self._failure(exc)) from exc

    def open(self, target: str | Path) -> IO[bytes]:
        """A binary file that becomes ``target`` on :meth:`commit`."""
        path = Path(target)
        if any(path == t for _, _, t in self.files):
            raise CurationError(f"internal: {path} is staged twice")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        handle = os.fdopen(fd, "wb")
        self.files.append((handle, Path(name), path))
        return handle

    def write_bytes(self, target: str | Path, data: bytes) -> None:
        self.open(target).write(data)

    def commit(self) -> None:
        """Flush and fsync every file, then rename each onto its target."""
        for handle, _, _ in self.files:
            if not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
        for _, temporary, target in self.files:
            os.replace(temporary, target)
            self.renamed.append(target)
        self.committed = True

    def discard(self) -> None:
        for handle, temporary, _ in self.files:
            # A full disk can fail the final flush too; the file is removed anyway.
            with contextlib.suppress(OSError):
                handle.close()
            temporary.unlink(missing_ok=True)

    def _failure(self, exc: OSError) -> str:
        names = ", ".join(t.name for _, _, t in self.files) or "the export"
        folder = self.files[0][2].parent if self.files else ""
        reason = exc.strerror or str(exc) or type(exc).__name__
        if self.renamed:
            done = ", ".join(t.name for t in self.renamed)
            return (
                f"could not rename the export's files into place in {folder}: {reason}; "
                f"{done} are new, the others are the previous ones: export again"
            )
        return (
            f"could not write {names} in {folder}: {reason}; nothing was written and the "
            "previous files are untouched"
        )
