"""Server import folders and the images setting (SQLite and PostgreSQL): only allowed folders
are read, symlinks and ``..`` are resolved before the check, every change is audited."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.errors import InputError, PermissionDenied
from curation.security import (
    add_import_folder,
    changed_import_folders,
    check_import_path,
    external_images_allowed,
    import_roots,
    importable_files,
    load_security,
    remove_import_folder,
    resolve_import_path,
    set_external_images,
    verify_import_file,
)
from curation.store import Workspace
from curation.store import models as m


@pytest.fixture
def secrets_csv(tmp_path: Path) -> Path:
    elsewhere = tmp_path / "hr"
    elsewhere.mkdir()
    path = elsewhere / "salaries.csv"
    path.write_text("prompt,response\nname,ssn 123-45-6789 salary 250000\n")
    return path


def resolve(ws: Workspace, text: str) -> Path:
    with ws.read() as s:
        return resolve_import_path(ws, s, text)


def test_only_the_workspace_imports_folder_is_allowed_by_default(
    ws: Workspace, secrets_csv: Path, tmp_path: Path
) -> None:
    with ws.read() as s:
        roots = import_roots(ws, s)
    assert roots == [(ws.folder / "imports").resolve()] and roots[0].is_dir()
    inside = roots[0] / "chats.jsonl"
    inside.write_text("{}\n")
    assert resolve(ws, "chats.jsonl") == inside
    assert resolve(ws, str(inside)) == inside
    other_ws = tmp_path / "other-ws" / "uploads"
    other_ws.mkdir(parents=True)
    (other_ws / "data.jsonl").write_text("{}\n")
    for text in (
        str(secrets_csv),
        str(other_ws / "data.jsonl"),
        "../workspace.db",
        f"../../hr/{secrets_csv.name}",
        str(secrets_csv.parent / "no-such.csv"),  # refused the same way: existence is not told
        "/etc/passwd",
    ):
        with pytest.raises(PermissionDenied, match="outside the folders"):
            resolve(ws, text)
    with pytest.raises(InputError, match="no such file"):
        resolve(ws, "missing.jsonl")


def test_a_symlink_out_of_an_allowed_folder_is_refused(ws: Workspace, secrets_csv: Path) -> None:
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    (imports / "innocent.csv").symlink_to(secrets_csv)
    (imports / "hr").symlink_to(secrets_csv.parent, target_is_directory=True)
    with pytest.raises(PermissionDenied):
        resolve(ws, "innocent.csv")
    with pytest.raises(PermissionDenied):
        resolve(ws, f"hr/{secrets_csv.name}")
    with ws.read() as s:
        assert importable_files(ws, s) == []


def test_an_admin_allows_a_folder_and_can_take_it_back(ws: Workspace, secrets_csv: Path) -> None:
    folder = secrets_csv.parent
    with ws.tx() as s:
        with pytest.raises(InputError, match="absolute"):
            add_import_folder(s, "hr", actor="root")
        with pytest.raises(InputError, match="no such folder"):
            add_import_folder(s, folder / "nope", actor="root")
        assert add_import_folder(s, folder, actor="root") == folder.resolve()
    assert resolve(ws, str(secrets_csv)) == secrets_csv.resolve()
    with ws.read() as s:
        assert importable_files(ws, s) == [secrets_csv]
    with ws.tx() as s:
        remove_import_folder(s, str(folder), actor="root")
    with pytest.raises(PermissionDenied):
        resolve(ws, str(secrets_csv))
    with ws.read() as s:
        assert load_security(s).import_folders == ()
        actions = list(s.scalars(sa.select(m.AuditEvent.action).order_by(m.AuditEvent.id)))
    assert actions == ["settings.import_folder.add", "settings.import_folder.remove"]


def test_images_in_content_are_off_until_a_lead_allows_them(ws: Workspace) -> None:
    with ws.read() as s:
        assert external_images_allowed(s) is False
    with ws.tx() as s:
        set_external_images(s, True, actor="lead")
    with ws.read() as s:
        assert external_images_allowed(s) is True
        event = s.scalar(
            sa.select(m.AuditEvent).where(m.AuditEvent.action == "settings.external_images")
        )
        assert event is not None and event.details == {"before": False, "after": True}


def _swap_after_resolve(
    monkeypatch: pytest.MonkeyPatch, when: Path, swap: Callable[[], None]
) -> None:
    """Run ``swap`` right after ``when`` is resolved: the race between the check and the open."""
    real_resolve = Path.resolve
    done: list[bool] = []

    def resolve(self: Path, strict: bool = False) -> Path:
        result = real_resolve(self, strict=strict)
        if result == when and not done:
            done.append(True)
            swap()
        return result

    monkeypatch.setattr(Path, "resolve", resolve)


def test_a_file_swapped_for_a_symlink_after_the_check_is_not_followed(
    ws: Workspace, secrets_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    harmless = imports / "chats.csv"
    harmless.write_text("prompt,response\nhi,hello\n")

    def swap() -> None:
        harmless.unlink()
        harmless.symlink_to(secrets_csv)

    _swap_after_resolve(monkeypatch, harmless, swap)
    with pytest.raises(PermissionDenied, match="changed while it was being checked"):
        resolve(ws, "chats.csv")


def test_a_folder_swapped_for_a_symlink_after_the_check_is_not_followed(
    ws: Workspace, secrets_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    sub = imports / "team"
    sub.mkdir()
    (sub / secrets_csv.name).write_text("prompt,response\nhi,hello\n")

    def swap() -> None:
        (sub / secrets_csv.name).unlink()
        sub.rmdir()
        sub.symlink_to(secrets_csv.parent, target_is_directory=True)

    _swap_after_resolve(monkeypatch, sub / secrets_csv.name, swap)
    with pytest.raises(PermissionDenied, match="changed while it was being checked"):
        resolve(ws, f"team/{secrets_csv.name}")


def test_a_file_replaced_after_it_was_chosen_is_refused(ws: Workspace, tmp_path: Path) -> None:
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
        (imports / "a.jsonl").write_text("{}\n")
        chosen = check_import_path(ws, s, "a.jsonl")
        assert verify_import_file(ws, s, chosen) == chosen
    other = tmp_path / "other.jsonl"
    other.write_text("{}\n")
    os.replace(other, imports / "a.jsonl")
    with ws.read() as s, pytest.raises(PermissionDenied, match="replaced since it was chosen"):
        verify_import_file(ws, s, chosen)


def test_pipes_and_folders_are_not_importable(ws: Workspace) -> None:
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    os.mkfifo(imports / "pipe.jsonl")
    (imports / "dir.jsonl").mkdir()
    for name in ("pipe.jsonl", "dir.jsonl"):  # refused at once: opening the pipe does not wait
        with pytest.raises(InputError, match="not a regular file"):
            resolve(ws, name)


def test_an_allowed_folder_that_now_leads_elsewhere_is_refused(
    ws: Workspace, secrets_csv: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "team.jsonl").write_text("{}\n")
    with ws.tx() as s:
        add_import_folder(s, shared, actor="root")
    assert resolve(ws, str(shared / "team.jsonl")) == shared.resolve() / "team.jsonl"
    # someone with write access above it swaps the folder for a symlink to secrets
    shared.rename(tmp_path / "shared-old")
    shared.symlink_to(secrets_csv.parent, target_is_directory=True)
    with pytest.raises(PermissionDenied, match="changed since an admin allowed it"):
        resolve(ws, str(shared / secrets_csv.name))
    with ws.read() as s:
        assert shared.resolve() not in import_roots(ws, s)
        assert changed_import_folders(s) == [str(shared)]
        assert importable_files(ws, s) == []


def test_the_import_reads_a_copy_made_through_the_checked_descriptor(
    ws: Workspace, secrets_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked, then swapped for a symlink to a file outside: the outside content is never
    read, whether the swap comes before the copy (refused) or right after the open."""
    import curation.security as security
    from curation.ingest.importer import import_file
    from curation.ingest.uploads import copy_import_file

    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    harmless = imports / "chats.csv"
    harmless.write_text("prompt,response\nhi,hello\n")
    with ws.read() as s:
        chosen = check_import_path(ws, s, "chats.csv")
        copy = copy_import_file(ws, s, chosen)
    assert copy.read_text() == harmless.read_text() and imports not in copy.parents

    def swap() -> None:
        harmless.unlink()
        harmless.symlink_to(secrets_csv)

    real_open = security._open_checked

    def open_then_swap(*args, **kwargs):  # type: ignore[no-untyped-def]
        opened = real_open(*args, **kwargs)
        swap()
        return opened

    monkeypatch.setattr(security, "_open_checked", open_then_swap)
    with ws.read() as s:
        copy = copy_import_file(ws, s, chosen)
    monkeypatch.undo()
    assert "123-45-6789" not in copy.read_text() and "hello" in copy.read_text()
    result = import_file(ws, copy, "chats", actor="lead", display_name=str(chosen.path))
    assert result.imported == 1
    with ws.read() as s:
        stored = s.scalars(sa.select(m.Record.messages)).all()
        assert "123-45-6789" not in repr(stored) and "hello" in repr(stored)
        assert s.scalar(sa.select(m.ImportRun.path)) == str(chosen.path)

    # the file is now the symlink: copying again is refused, nothing of it lands in uploads
    with ws.read() as s, pytest.raises(PermissionDenied):
        copy_import_file(ws, s, chosen)
    uploads = ws.folder / "uploads"
    assert not any("123-45-6789" in p.read_text() for p in uploads.iterdir() if p.is_file())


def test_dataset_info_entries_are_imported_from_checked_copies(
    ws: Workspace, tmp_path: Path
) -> None:
    """A listed file swapped for a symlink to a file outside after the list was checked: the
    copy made at the check is imported, never the outside file."""
    import json

    from curation.ingest.sets import check_server_dataset_info, import_server_entries

    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps([{"instruction": "salary?", "output": "SSN 123-45-6789"}]))
    with ws.read() as s:
        imports = import_roots(ws, s)[0]
    folder = imports / "lf"
    folder.mkdir()
    listed = folder / "data.json"
    listed.write_text(json.dumps([{"instruction": "hi", "output": "hello"}]))
    (folder / "dataset_info.json").write_text(json.dumps({"greet": {"file_name": "data.json"}}))
    entries, skipped = check_server_dataset_info(ws, folder / "dataset_info.json")
    assert [e.entry.name for e in entries] == ["greet"] and not skipped
    listed.unlink()
    listed.symlink_to(outside)
    done = import_server_entries(ws, entries, skipped, actor="lead")
    assert done.exit_code == 0 and done.results[0].imported == 1
    with ws.read() as s:
        stored = repr(s.scalars(sa.select(m.Record.messages)).all())
        assert "123-45-6789" not in stored and "hello" in stored
        assert s.scalar(sa.select(m.ImportRun.path)) == str(listed)
    # checked again now, the entry leads outside and the whole list is refused
    with pytest.raises(PermissionDenied):
        check_server_dataset_info(ws, folder / "dataset_info.json")
