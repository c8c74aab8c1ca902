"""Workspace security settings: which server folders the app may import from, and whether
images named in imported content may load in annotators' browsers.

Both live in the ``settings`` table, are changed by an admin (folders) or a lead
(images) on the Settings page or with ``curation settings``, and every change is
audited. The app's "file on the server" import reads only inside the allowed folders:
the workspace's own ``imports/`` folder plus those an admin added. A path is resolved
(symlinks and ``..`` followed) before it is checked, so neither can lead outside, and
the file is then opened without following symlinks and compared with what was checked,
so a symlink swapped in after the check cannot lead outside either; and the import reads
a copy made through that very descriptor (:func:`open_import_file`), never the path again.
"""

from __future__ import annotations

import ipaddress
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import InputError, PermissionDenied
from curation.store import models as m
from curation.store.db import Workspace

IMPORT_FOLDERS_KEY = "security.import_folders"
EXTERNAL_IMAGES_KEY = "security.external_images"
TRUSTED_PROXIES_KEY = "security.trusted_proxies"
MAX_PROXIES = 5
IMPORTS_DIR = "imports"


@dataclass(frozen=True, slots=True)
class SecuritySettings:
    """What an admin or lead has allowed beyond the safe defaults."""

    import_folders: tuple[str, ...] = ()  # absolute, resolved; the workspace's imports/ is implied
    external_images: bool = False
    trusted_proxies: int = 0  # reverse proxies in front of the app whose X-Forwarded-For counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "import_folders": list(self.import_folders),
            "external_images": self.external_images,
            "trusted_proxies": self.trusted_proxies,
        }


def load_security(session: Session) -> SecuritySettings:
    folders = _get(session, IMPORT_FOLDERS_KEY)
    images = _get(session, EXTERNAL_IMAGES_KEY)
    return SecuritySettings(
        import_folders=tuple(str(f) for f in folders) if isinstance(folders, list) else (),
        external_images=images is True,
        trusted_proxies=trusted_proxies(session),
    )


def external_images_allowed(session: Session) -> bool:
    return _get(session, EXTERNAL_IMAGES_KEY) is True


def set_external_images(session: Session, allowed: bool, *, actor: str) -> None:
    """Let images in content load (``allowed``) or show them as links only (the default)."""
    before = external_images_allowed(session)
    _put(session, EXTERNAL_IMAGES_KEY, bool(allowed))
    log_event(
        session, actor, "settings.external_images", "settings", EXTERNAL_IMAGES_KEY,
        before=before, after=bool(allowed),
    )  # fmt: skip


def trusted_proxies(session: Session) -> int:
    value = _get(
        session, TRUSTED_PROXIES_KEY
    )  # {"count": n}: SQLite hands a bare number back unparsed
    count = value.get("count") if isinstance(value, dict) else None
    return count if isinstance(count, int) and 0 <= count <= MAX_PROXIES else 0


def set_trusted_proxies(session: Session, count: int, *, actor: str) -> None:
    """How many reverse proxies stand in front of the app (0, the default: none, so the
    ``X-Forwarded-For`` header, which any browser can send, is ignored)."""
    if not 0 <= count <= MAX_PROXIES:
        raise InputError(f"the number of trusted proxies must be 0 to {MAX_PROXIES}, not {count}")
    before = trusted_proxies(session)
    _put(session, TRUSTED_PROXIES_KEY, {"count": int(count)})
    log_event(
        session, actor, "settings.trusted_proxies", "settings", TRUSTED_PROXIES_KEY,
        before=before, after=int(count),
    )  # fmt: skip


def client_address(peer: str, forwarded_for: str | None, proxies: int) -> str:
    """The address a login is throttled by: the connection's own (``peer``), unless an admin
    said ``proxies`` reverse proxies stand in front of the app. Then the client is the entry
    that the outermost trusted proxy appended to ``X-Forwarded-For``: entries further left
    were written by the client and prove nothing."""
    if proxies <= 0 or not forwarded_for:
        return peer
    chain = [part.strip() for part in forwarded_for.split(",") if part.strip()]
    if not chain:
        return peer
    candidate = chain[-proxies] if len(chain) >= proxies else chain[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return peer


def imports_folder(ws: Workspace) -> Path:
    """The workspace's ``imports/`` folder (created on demand): always allowed."""
    folder = ws.path_in(IMPORTS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def import_roots(ws: Workspace, session: Session) -> list[Path]:
    """Every folder the app may import from: the workspace's ``imports/`` first.

    An allowed folder is stored as it resolved when an admin allowed it; one that now
    resolves elsewhere (it, or a folder above it, was swapped for a symlink) is left out.
    """
    roots = [imports_folder(ws)]
    for folder in load_security(session).import_folders:
        path = Path(folder)
        if _resolves_to_itself(path) and path not in roots:
            roots.append(path)
    return roots


def changed_import_folders(session: Session) -> list[str]:
    """Allowed folders that no longer resolve to themselves: refused until allowed again."""
    return [f for f in load_security(session).import_folders if not _resolves_to_itself(Path(f))]


def _resolves_to_itself(path: Path) -> bool:
    try:
        return path.is_absolute() and path.resolve(strict=True) == path and path.is_dir()
    except (OSError, RuntimeError):
        return False


def add_import_folder(session: Session, folder: str | Path, *, actor: str) -> Path:
    """Allow the app to import files from ``folder`` (an existing directory on the server)."""
    given = Path(folder).expanduser()
    if not given.is_absolute():
        raise InputError(f"{folder}: give the folder's absolute path on the server")
    if not given.is_dir():
        raise InputError(f"{folder}: no such folder on the server")
    path = given.resolve()
    current = load_security(session).import_folders
    if str(path) not in current:
        _put(session, IMPORT_FOLDERS_KEY, [*current, str(path)])
        log_event(session, actor, "settings.import_folder.add", "settings", str(path))
    return path


def remove_import_folder(session: Session, folder: str | Path, *, actor: str) -> None:
    current = load_security(session).import_folders
    text = str(folder)
    if text not in current:
        resolved = str(Path(folder).expanduser().resolve())
        if resolved not in current:
            raise InputError(
                f"{folder} is not an allowed import folder; allowed: {', '.join(current) or 'none'}"
            )
        text = resolved
    _put(session, IMPORT_FOLDERS_KEY, [f for f in current if f != text])
    log_event(session, actor, "settings.import_folder.remove", "settings", text)


@dataclass(frozen=True, slots=True)
class ImportFile:
    """A server file the app may import: its real path and the identity of the file that was
    opened there when it was checked (see :func:`verify_import_file`)."""

    path: Path
    device: int
    inode: int


def resolve_import_path(ws: Workspace, session: Session, text: str) -> Path:
    """The real path of a server file the app may import, or a clear refusal."""
    return check_import_path(ws, session, text).path


def check_import_path(ws: Workspace, session: Session, text: str) -> ImportFile:
    """Check a server file the app may import, or refuse it clearly.

    A relative path is taken inside the workspace's ``imports/`` folder. Symlinks and
    ``..`` are resolved first, then the file must lie inside an allowed folder. The file is
    then opened from that folder one component at a time without following any symlink,
    and the opened file must be the one the checked path names: a symlink or folder swapped
    in between the check and the open is refused, not followed.

    The answer is a name: read the file with :func:`open_import_file`, never by this path.
    """
    fd, checked = _open_checked(ws, session, text)
    os.close(fd)
    return checked


def open_import_file(ws: Workspace, session: Session, chosen: ImportFile) -> int:
    """The chosen server file, checked again and opened: its descriptor (the caller closes
    it). Read the file through it (:func:`curation.ingest.uploads.copy_import_file` copies
    it into the workspace), never by its path: a symlink or folder swapped in afterwards
    leads nowhere; one swapped in before is refused here."""
    fd, now = _open_checked(ws, session, str(chosen.path))
    if (now.device, now.inode) != (chosen.device, chosen.inode):
        os.close(fd)
        raise PermissionDenied(
            f"{chosen.path}: the file was replaced since it was chosen; choose it again"
        )
    return fd


def _open_checked(ws: Workspace, session: Session, text: str) -> tuple[int, ImportFile]:
    """:func:`check_import_path`, leaving the checked file open: its descriptor and identity."""
    given = text.strip()
    roots = import_roots(ws, session)
    raw = Path(given).expanduser()
    candidate = raw if raw.is_absolute() else roots[0] / raw
    try:
        real = candidate.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError(f"{given}: cannot be resolved ({exc})") from None
    root = next((r for r in roots if r in real.parents), None)
    if root is None:
        for folder in changed_import_folders(session):
            if Path(folder) == candidate or Path(folder) in candidate.parents:
                raise PermissionDenied(
                    f"{given}: the folder {folder} has changed since an admin allowed it (it, "
                    "or a folder above it, now leads elsewhere); an admin must allow it again."
                )
        # Refused whether or not it exists, so the answer says nothing about files elsewhere.
        raise PermissionDenied(
            f"{given}: outside the folders the app may import from "
            f"({', '.join(str(r) for r in roots)}). Put the file in {roots[0]}, or ask an "
            "admin to allow its folder."
        )
    where = ", ".join(str(r) for r in roots)
    try:
        fd = _open_beneath(root, real.relative_to(root).parts)
    except FileNotFoundError:
        raise InputError(f"{given}: no such file in {where}") from None
    except OSError:  # ELOOP, ENOTDIR: a component became a symlink (or a file) since resolve
        raise PermissionDenied(
            f"{given}: changed while it was being checked (a symlink appeared on its path); "
            "nothing was read"
        ) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise InputError(f"{given}: not a regular file (a folder, device or pipe) in {where}")
        try:
            named = os.stat(real)
        except OSError:
            named = None
        if named is None or (named.st_dev, named.st_ino) != (opened.st_dev, opened.st_ino):
            raise PermissionDenied(f"{given}: changed while it was being checked; nothing was read")
    except BaseException:
        os.close(fd)
        raise
    return fd, ImportFile(real, opened.st_dev, opened.st_ino)


def verify_import_file(ws: Workspace, session: Session, chosen: ImportFile) -> ImportFile:
    """Check ``chosen`` again (the folders or the file may have changed since it was picked):
    the same path must still be allowed and still be the very file that was checked."""
    now = check_import_path(ws, session, str(chosen.path))
    if (now.device, now.inode) != (chosen.device, chosen.inode):
        raise PermissionDenied(
            f"{chosen.path}: the file was replaced since it was chosen; choose it again"
        )
    return now


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused right after, by fstat)
_FILE_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_beneath(root: Path, parts: tuple[str, ...]) -> int:
    """Open ``root/parts…`` walking from ``root`` with ``openat`` and ``O_NOFOLLOW`` at every
    step, so that no symlink on the way is followed, whatever changed since the check.
    (Without ``openat``, e.g. on Windows, the path is opened whole; the fstat comparison
    that follows still catches a swapped file.)"""
    if os.open not in os.supports_dir_fd:
        return os.open(root.joinpath(*parts), _FILE_FLAGS | _NOFOLLOW)
    fd = os.open(root, _DIR_FLAGS | _NOFOLLOW)
    try:
        for part in parts[:-1]:
            inner = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = inner
        return os.open(parts[-1], _FILE_FLAGS | _NOFOLLOW, dir_fd=fd)
    finally:
        os.close(fd)


def importable_files(ws: Workspace, session: Session, limit: int = 500) -> list[Path]:
    """Files directly inside the allowed folders (for a picker), newest first."""
    found: list[Path] = []
    for root in import_roots(ws, session):
        try:
            entries = [p for p in root.iterdir() if not p.name.startswith(".")]
        except OSError:
            continue
        for entry in entries:
            try:
                real = entry.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if real.is_file() and root in real.parents:
                found.append(entry)
    found.sort(key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)
    return found[:limit]


def _get(session: Session, key: str) -> Any:
    row = session.get(m.Setting, key)
    return row.value if row is not None else None


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(m.Setting, key)
    if row is None:
        session.add(m.Setting(key=key, value=value, updated_at=m.utcnow()))
    else:
        row.value = value
        row.updated_at = m.utcnow()
    session.flush()
