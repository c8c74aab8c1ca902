"""The README's command reference lists every command of ``curation`` with each of its options.

As sqlite-utils does for its CLI reference: the click group is walked, and each command
(``curation users add``) must have an entry in the README's reference section naming every
option it takes (hidden ones aside). ``--workspace`` and ``--db``, shared by every command
that opens the workspace, are documented once at the top of the section.

To write the section again after adding a command or an option::

    python -m tests.test_docs > /tmp/reference.md   # then paste it between the markers
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from curation.cli import cli
from tests.helpers.common import REPO

START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"
SHARED = ("--workspace", "--db")


def commands(
    group: click.Group = cli, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, click.Command]]:
    """Every leaf command as (``"users add"``, command), in name order."""
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield " ".join((*path, name)), command


def options(command: click.Command) -> list[str]:
    """The long names of the command's visible options, workspace options aside."""
    return [
        name
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden
        for name in param.opts
        if name.startswith("--") and name not in SHARED
    ]


def usage(name: str, command: click.Command) -> str:
    args = []
    for param in command.params:
        if isinstance(param, click.Argument):
            text = (param.name or "").upper()
            if param.nargs == -1:
                text += "..."
            args.append(text if param.required else f"[{text}]")
    return " ".join(["curation", name, *args])


def reference() -> str:
    """The README section, as this module would write it."""
    lines = [
        "Every command that opens the workspace also takes `--workspace DIR` (`-w`, or",
        "`$CURATION_WORKSPACE`) and `--db URL` (or `$CURATION_DB_URL`); they are not repeated",
        "below. `curation COMMAND --help` gives each option's meaning.",
        "",
    ]
    for name, command in commands():
        opts = ", ".join(f"`{o}`" for o in options(command)) or "none"
        help_text = command.get_short_help_str(200)
        lines.append(f"- `{usage(name, command)}`: {help_text} Options: {opts}.")
    return "\n".join(lines)


def section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert START in text and END in text, f"README.md lacks the markers {START} … {END}"
    return text.split(START, 1)[1].split(END, 1)[0]


def entries() -> dict[str, str]:
    """Each reference entry's text by command name (``"users add"``)."""
    found: dict[str, str] = {}
    for line in section().splitlines():
        match = re.match(r"- `curation ([a-z][a-z0-9 -]*?)(?: [A-Z\[].*?)?`", line)
        if match:
            found[match[1]] = line
    return found


@pytest.mark.parametrize(("name", "command"), list(commands()), ids=lambda v: str(v))
def test_every_command_is_in_the_readme_with_its_options(name: str, command: click.Command) -> None:
    entry = entries().get(name)
    assert entry is not None, f"README.md has no reference entry for `curation {name}`"
    missing = [o for o in options(command) if f"`{o}`" not in entry]
    assert not missing, f"`curation {name}` in README.md lacks {', '.join(missing)}"


def test_the_reference_names_no_command_that_does_not_exist() -> None:
    assert set(entries()) <= {name for name, _ in commands()}


def test_the_shared_workspace_options_are_documented_once() -> None:
    text = section()
    assert all(f"`{o}" in text for o in SHARED)


if __name__ == "__main__":
    print(reference())
