"""Sharded corpora: which files an input names, where each output shard goes, one manifest.

A file-to-file command's input is a file, a folder (its ``*.jsonl``, ``*.jsonl.gz`` and
``*.parquet`` files, sorted by name) or a glob of such files (``data/part-*.jsonl``).
:func:`resolve_shards` turns it into a :class:`ShardSet`; a single file stays a single
file (the command behaves as it always did). A sharded input writes into an output
folder, one output shard per input shard under the same base name, then
:func:`write_manifest` writes ``manifest.json`` last, atomically: a folder with a manifest
is complete, one without is not. The shards are written into a hidden folder inside it
(:func:`staged`) and moved into place (:func:`publish`) once every one is done, so a run
that fails, is cancelled or killed leaves the folder as an earlier run left it.

On a cluster the shards' paths must be reachable from every node (a shared or network
file system): a worker reads its shard and writes its output shard where it stands.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from curation import exitcodes
from curation.errors import InputError, StorageError
from curation.fileio.atomic import atomic_write_bytes
from curation.fileio.locks import SWEEP_MIN_AGE, UNLOCKED_MIN_AGE, hold, try_lock

SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1
_GLOB_CHARS = frozenset("*?[")
_HASH_CHUNK = 1 << 20
STAGING_PREFIX = ".staging."
STAGING_LOCK = ".lock"


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file of a sharded corpus."""

    path: Path
    kind: str  # "jsonl" or "parquet"

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        """The name without its shard suffix (``part-1.jsonl.gz`` → ``part-1``)."""
        name = self.path.name
        for suffix in sorted(SHARD_SUFFIXES, key=len, reverse=True):
            if name.lower().endswith(suffix):
                return name[: -len(suffix)]
        return self.path.stem

    @property
    def bytes(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True, slots=True)
class ShardSet:
    """What an input names: one file (``sharded`` False) or the shards of a corpus."""

    given: str
    shards: tuple[Shard, ...]
    sharded: bool

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.shards)


def shard_kind(path: Path) -> str | None:
    """``jsonl`` or ``parquet`` for a shard's name; None for any other file."""
    name = path.name.lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    return None


def is_sharded(given: str | Path) -> bool:
    """Whether ``given`` names a folder or a glob rather than one file."""
    text = str(given)
    return Path(text).is_dir() or (not Path(text).exists() and bool(_GLOB_CHARS & set(text)))


def resolve_shards(given: str | Path) -> ShardSet:
    """The files ``given`` names: itself (a file: not sharded), a folder's shards, or a
    glob's matches; sorted by path, so every run sees the same order.

    Raises :class:`InputError` naming the path: nothing there, nothing matching, a match
    that is not a JSONL/Parquet shard, two shards with the same base name."""
    text = str(given)
    p = Path(text).expanduser()
    if p.is_dir():
        found = sorted(
            (c for c in p.iterdir() if c.is_file() and not c.name.startswith(".")),
            key=lambda c: c.name,
        )
        shards = [Shard(c, k) for c in found if (k := shard_kind(c)) is not None]
        if not shards:
            raise InputError(
                f"{p}: the folder holds no {', '.join('*' + s for s in SHARD_SUFFIXES)} file"
            )
        return ShardSet(text, tuple(shards), True)
    if p.exists() or not (_GLOB_CHARS & set(text)):
        return ShardSet(text, (Shard(p, shard_kind(p) or "file"),), False)
    matches = sorted(Path(m) for m in glob.glob(os.path.expanduser(text)))
    if not matches:
        raise InputError(f"{text}: no file matches this pattern")
    shards = []
    for m in matches:
        kind = shard_kind(m) if m.is_file() else None
        if kind is None:
            what = "a folder" if m.is_dir() else "not a .jsonl, .jsonl.gz or .parquet file"
            raise InputError(
                f"{m}: matched by {text} but {what}; a sharded input holds JSONL or Parquet "
                "shards only (narrow the pattern)"
            )
        shards.append(Shard(m, kind))
    _check_names(shards)
    return ShardSet(text, tuple(shards), True)


def _check_names(shards: Iterable[Shard]) -> None:
    seen: dict[str, Path] = {}
    for s in shards:
        if s.name in seen:
            raise InputError(
                f"{seen[s.name]} and {s.path}: two shards named {s.name}; their outputs would "
                "overwrite each other (rename one)"
            )
        seen[s.name] = s.path


def output_folder(shards: ShardSet, out: str | Path) -> Path:
    """The folder a sharded run writes into (created), refusing an input shard's folder
    when an output would overwrite its input."""
    folder = Path(out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError(
            f"{folder}: is a file; with a folder or a pattern as input, -o names an output folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    resolved = folder.resolve()
    for s in shards.shards:
        if s.path.resolve().parent == resolved:
            raise InputError(
                f"{folder}: holds the input shard {s.name}; its output would overwrite it "
                "(choose another output folder)"
            )
    remove_stale_staging(folder)
    return folder


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Path]:
    """A hidden folder inside ``folder`` for a run's outputs, removed on the way out (what
    :func:`publish` did not move: a failed or cancelled run's shards). Inside the output
    folder, so on the same file system (a rename) and reachable from every node. Its lock
    file stays locked while the run lives: :func:`remove_stale_staging` leaves it alone."""
    work = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=".part", dir=folder))
    try:
        with open(work / STAGING_LOCK, "wb") as lock:
            hold(lock.fileno())
            yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def publish(work: Path, folder: Path, *, manifest: bool = True) -> None:
    """Move every output of ``work`` into ``folder``, once all shards are written; then
    :func:`write_manifest`. An earlier run's manifest goes first (``manifest``): it must
    not vouch for the shards being replaced. The outputs that manifest listed and this run
    does not write (an input shard since removed) go too, so a glob over the folder reads
    only this run's shards; files no manifest listed are left alone."""
    outputs = [e for e in sorted(work.iterdir()) if not e.name.startswith(".")]  # not the lock
    for entry in outputs:  # before anything moves: the folder stays as it was
        if (folder / entry.name).is_dir():
            raise InputError(
                f"{folder / entry.name}: is a folder; the output {entry.name} cannot replace it"
                " (move it away, or choose another output folder)"
            )
    stale: set[str] = set()
    if manifest:
        stale = _listed_outputs(folder / MANIFEST_NAME) - {e.name for e in outputs}
        (folder / MANIFEST_NAME).unlink(missing_ok=True)
    for entry in outputs:
        try:
            os.replace(entry, folder / entry.name)
        except OSError as exc:
            raise StorageError(
                f"could not move {entry.name} into {folder}: {exc.strerror or exc};"
                " the folder has no manifest (unfinished): run again"
            ) from exc
    for name in sorted(stale):
        with contextlib.suppress(OSError):
            if (folder / name).is_file() and not (folder / name).is_symlink():
                (folder / name).unlink()


def _listed_outputs(path: Path) -> set[str]:
    """The output file names an earlier run's manifest at ``path`` lists (none when it is
    missing or unreadable: then nothing is known to be that run's)."""
    try:
        shards = orjson.loads(path.read_bytes()).get("shards", [])
        names = {o["path"] for s in shards for o in s.get("outputs", [])}
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, KeyError):
        return set()
    return {n for n in names if isinstance(n, str) and n == Path(n).name and n not in (".", "..")}


def remove_stale_staging(folder: Path) -> None:
    """Remove the staging folders that runs killed in ``folder`` left (a stopped runner or
    a cancel past its grace kills a job's process; a findings report's hold raw values).

    Only unlocked ones at least :data:`~curation.fileio.locks.SWEEP_MIN_AGE` old go: a run writing into the same
    folder at the same time keeps its own (where locks cannot be taken, a day old).
    """
    now = time.time()
    for work in folder.glob(f"{STAGING_PREFIX}*.part"):
        try:
            age = now - work.stat().st_mtime
        except OSError:
            continue
        if not work.is_dir() or work.is_symlink() or age < SWEEP_MIN_AGE:
            continue
        if _unlocked(work / STAGING_LOCK, age):
            shutil.rmtree(work, ignore_errors=True)


def _unlocked(path: Path, age: float) -> bool:
    """Whether no live process holds the lock at ``path`` (none there: nobody); where locks
    cannot be taken, whether the folder is old enough to be a killed run's."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True
    try:
        held = try_lock(fd)
    finally:
        os.close(fd)
    return held is True or (held is None and age >= UNLOCKED_MIN_AGE)


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ShardOutput:
    """One file a shard's run wrote."""

    path: Path
    records: int
    split: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path.name,
            "sha256": sha256_of(self.path),
            "bytes": self.path.stat().st_size,
            "records": self.records,
        }
        if self.split is not None:
            out["split"] = self.split
        return out


@dataclass(frozen=True, slots=True)
class ShardOutcome:
    """What a command did with one shard, as the manifest reports it."""

    shard: Shard
    records_in: int
    records_out: int
    outputs: tuple[ShardOutput, ...]
    rejected: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "input": {"path": str(self.shard.path), "sha256": sha256_of(self.shard.path)},
            "records_in": self.records_in,
            "records_out": self.records_out,
            "rejected": self.rejected,
            "outputs": [o.as_dict() for o in self.outputs],
            **self.extra,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardedResult:
    """What a sharded driver returns besides its own counts: the manifest it wrote last and
    the engine's reason. A driver's result names its totals (``items``, ``rejected``) and
    its own fields (``own_dict``); the status and the JSON's common tail are made here."""

    manifest: Path
    engine: str

    @property
    def items(self) -> int:
        raise NotImplementedError

    @property
    def rejected(self) -> int:
        raise NotImplementedError

    @property
    def exit_code(self) -> int:
        return exitcodes.for_items(self.items, self.rejected)

    def own_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.own_dict(),
            "manifest": str(self.manifest),
            "engine": self.engine,
            "exit_code": self.exit_code,
        }


def build_manifest(
    command: str,
    options: Mapping[str, Any],
    shards: ShardSet,
    outcomes: Iterable[ShardOutcome],
    *,
    engine: str,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The one manifest of a sharded run (output paths relative to the manifest's folder)."""
    from curation import __version__

    entries = [o.as_dict() for o in outcomes]
    return {
        "manifest_version": MANIFEST_VERSION,
        "tool": {"name": "curation-studio", "version": __version__},
        "command": command,
        "input": shards.given,
        "options": dict(options),
        "engine": engine,
        "shards": entries,
        "totals": {
            "shards": len(entries),
            "records_in": sum(e["records_in"] for e in entries),
            "records_out": sum(e["records_out"] for e in entries),
            "rejected": sum(e["rejected"] for e in entries),
            "outputs": sum(len(e["outputs"]) for e in entries),
        },
        **(extra or {}),
    }


def write_manifest(folder: Path, manifest: Mapping[str, Any]) -> Path:
    """``folder/manifest.json``, atomically; written after every output shard."""
    path = folder / MANIFEST_NAME
    atomic_write_bytes(path, orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
    return path
