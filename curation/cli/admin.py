"""`curation users …` and `curation settings …`; imported by curation/cli.py to register them.

A password never goes on the command line (other users see it in the process list and it
stays in shell history): it is typed at a prompt, read from stdin with
``--password-stdin``, or generated with ``--generate`` and shown once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curation.cli.common import (
    F,
    actor,
    echo_json,
    open_workspace,
    workspace_options,
)

PASSWORD_ON_COMMAND_LINE = (
    "--password is no longer accepted: a password on the command line shows in the process "
    "list and stays in shell history. Type it at the prompt, pipe it in with --password-stdin "
    "(e.g. `printf '%s\\n' \"$PW\" | curation users add NAME --role R --password-stdin`), or "
    "use --generate."
)


def password_options(fn: F) -> F:
    """``--password-stdin``, ``--generate`` and the refused ``--password``."""
    fn = click.option(
        "--password",
        "password_arg",
        hidden=True,
        help="Refused: a password on the command line leaks (use --password-stdin).",
    )(fn)
    fn = click.option("--generate", is_flag=True, help="Generate a password and print it once.")(fn)
    fn = click.option(
        "--password-stdin",
        is_flag=True,
        help="Read the password from the first line of standard input.",
    )(fn)
    return fn


def read_password(
    password_arg: str | None, password_stdin: bool, generate: bool
) -> tuple[str, bool]:
    """The password to set and whether it was generated (then it is printed once)."""
    from curation.auth import generate_password

    if password_arg is not None:
        raise click.UsageError(PASSWORD_ON_COMMAND_LINE)
    if password_stdin and generate:
        raise click.UsageError("use either --password-stdin or --generate, not both")
    if generate:
        return generate_password(), True
    if password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise click.UsageError("--password-stdin read an empty line; nothing was changed")
        return line, False
    if not sys.stdin.isatty():
        raise click.UsageError(
            "no terminal to prompt for the password on: pass --password-stdin to read it from "
            "standard input, or --generate"
        )
    value = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return str(value), False


# --------------------------------------------------------------------------- users


@click.group()
def users() -> None:
    """Manage accounts (roles: annotator, lead, admin)."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["annotator", "lead", "admin"]))
@password_options
@workspace_options
def users_add(
    name: str,
    role: str,
    password_arg: str | None,
    password_stdin: bool,
    generate: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Add an account; the password is prompted for, read with --password-stdin, or generated."""
    from curation.auth import create_user

    password, generated = read_password(password_arg, password_stdin, generate)
    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        create_user(s, name, role, password, actor=actor())
    click.echo(f"Added {name} ({role}).")
    if generated:
        click.echo(f"Password (shown once): {password}")


@users.command("list")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def users_list(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """List accounts and their roles."""
    from curation.auth import list_users

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        rows = [{"name": u.name, "role": u.role, "disabled": u.disabled} for u in list_users(s)]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['name']:<24} {r['role']:<10}{'  (disabled)' if r['disabled'] else ''}")


@users.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(["annotator", "lead", "admin"]))
@workspace_options
def users_set_role(name: str, role: str, workspace: Path | None, db: str | None) -> None:
    """Change an account's role."""
    from curation.auth import set_role

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        set_role(s, name, role, actor=actor())
    click.echo(f"{name} is now {role}.")


@users.command("passwd")
@click.argument("name")
@password_options
@workspace_options
def users_passwd(
    name: str,
    password_arg: str | None,
    password_stdin: bool,
    generate: bool,
    workspace: Path | None,
    db: str | None,
) -> None:
    """Set an account's password (prompted, --password-stdin or --generate); logs it out everywhere."""
    from curation.auth import set_password

    password, generated = read_password(password_arg, password_stdin, generate)
    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        set_password(s, name, password, actor=actor())
    click.echo(f"Password of {name} changed; its open sessions are logged out.")
    if generated:
        click.echo(f"Password (shown once): {password}")


@users.command("unlock")
@click.argument("name")
@click.option("--address", help="Also forget the failed logins from this IP address.")
@workspace_options
def users_unlock(name: str, address: str | None, workspace: Path | None, db: str | None) -> None:
    """Let an account locked by failed logins log in again at once."""
    from curation.auth import unlock

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        removed = unlock(s, name, actor=actor(), address=address)
    where = f" and {address}" if address else ""
    click.echo(f"Unlocked {name}{where}: {removed} failed login(s) forgotten.")


# --------------------------------------------------------------------------- settings


@click.group()
def settings() -> None:
    """Workspace security settings: server folders the app may import from, images in content."""


@settings.command("show")
@click.option("--json", "as_json", is_flag=True)
@workspace_options
def settings_show(as_json: bool, workspace: Path | None, db: str | None) -> None:
    """Show the allowed import folders and whether images in content load."""
    from curation.security import import_roots, load_security

    ws = open_workspace(workspace, db)
    with ws.read() as s:
        current = load_security(s)
        roots = import_roots(ws, s)
    if as_json:
        echo_json(current.as_dict() | {"imports_folder": str(roots[0])})
        return
    click.echo("Import folders (File on the server):")
    click.echo(f"  {roots[0]}  (the workspace's own, always allowed)")
    for folder in current.import_folders:
        click.echo(f"  {folder}")
    state = "load" if current.external_images else "shown as links (default)"
    click.echo(f"Images in content: {state}")
    proxies = current.trusted_proxies
    click.echo(
        f"Trusted reverse proxies: {proxies}"
        + (" (X-Forwarded-For is ignored)" if not proxies else "")
    )


@settings.command("trusted-proxies")
@click.argument("count", type=click.IntRange(0, 5))
@workspace_options
def settings_proxies(count: int, workspace: Path | None, db: str | None) -> None:
    """How many reverse proxies stand in front of the app (0, the default: X-Forwarded-For,
    which any client can send, is ignored and logins are throttled by the connection's address)."""
    from curation.security import set_trusted_proxies

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        set_trusted_proxies(s, count, actor=actor())
    click.echo(
        f"Logins are throttled by the address {count} trusted prox{'y' if count == 1 else 'ies'} "
        "report in X-Forwarded-For."
        if count
        else "Logins are throttled by the connection's own address; X-Forwarded-For is ignored."
    )


@settings.command("allow-import-folder")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@workspace_options
def settings_allow_folder(folder: Path, workspace: Path | None, db: str | None) -> None:
    """Let the app's Import page read files from FOLDER (absolute path on the server)."""
    from curation.security import add_import_folder

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        added = add_import_folder(s, folder, actor=actor())
    click.echo(f"The Import page may now read files from {added}.")


@settings.command("remove-import-folder")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@workspace_options
def settings_remove_folder(folder: Path, workspace: Path | None, db: str | None) -> None:
    """Stop the app reading files from FOLDER."""
    from curation.security import remove_import_folder

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        remove_import_folder(s, folder, actor=actor())
    click.echo(f"{folder} is no longer an import folder.")


@settings.command("external-images")
@click.argument("state", type=click.Choice(["on", "off"]))
@workspace_options
def settings_images(state: str, workspace: Path | None, db: str | None) -> None:
    """on: images named in content load in readers' browsers; off (default): shown as links."""
    from curation.security import set_external_images

    ws = open_workspace(workspace, db)
    with ws.tx() as s:
        set_external_images(s, state == "on", actor=actor())
    click.echo(
        "Images in content now load." if state == "on" else "Images in content show as links."
    )
