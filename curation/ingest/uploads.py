"""Uploaded files: saved under ``<workspace>/uploads/``, named by their content and a safe name.

The Import page stores what a browser sends here (whole, or streamed from a server copy)
before it checks or imports it; names a client supplies never leave that folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from curation.errors import InputError
from curation.fileio.atomic import atomic_write_bytes
from curation.fileio.limits import CHUNK
from curation.security import ImportFile, open_import_file
from curation.store.db import Workspace

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    """A client-supplied file name reduced to a plain name that cannot leave its folder."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).lstrip(".") or "upload"
    return base[:120]


def store_upload(ws: Workspace, name: str, data: bytes) -> Path:
    """Save uploaded bytes under ``<workspace>/uploads/`` (content-addressed, atomic)."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    target = ws.path_in("uploads", f"{digest}-{safe_file_name(name)}")
    if not target.exists():
        atomic_write_bytes(target, data)
    return target


def store_upload_stream(ws: Workspace, name: str, src: BinaryIO) -> Path:
    """Save what ``src`` reads under ``<workspace>/uploads/`` as :func:`store_upload` names it
    (same content, same file), streamed: written to a private temporary file, then renamed."""
    folder = ws.path_in("uploads")
    folder.mkdir(exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".", suffix=".part", delete=False) as tmp:
        try:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                tmp.write(chunk)
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    target = folder / f"{digest.hexdigest()[:12]}-{safe_file_name(name)}"
    if target.exists():
        os.unlink(tmp.name)
    else:
        os.replace(tmp.name, target)
    return target


def copy_import_file(ws: Workspace, session: Session, chosen: ImportFile) -> Path:
    """The chosen server file, checked again and copied into the workspace's ``uploads/``
    (content-addressed, atomic) through the very descriptor that was checked
    (:func:`curation.security.open_import_file`): import the copy. A symlink or folder
    swapped in afterwards leads nowhere, as the path is not opened again; one swapped in
    before is refused by the check."""
    fd = open_import_file(ws, session, chosen)
    try:
        with os.fdopen(os.dup(fd), "rb") as src:
            os.set_blocking(src.fileno(), True)
            return store_upload_stream(ws, chosen.path.name, src)
    except OSError as exc:
        raise InputError(f"{chosen.path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
