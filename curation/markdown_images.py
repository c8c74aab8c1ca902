"""Markdown images in content, made inert: ``![alt](url)`` becomes the link ``[image: alt](url)``.

Imported conversations are rendered as markdown; an image in them would make every
reader's browser fetch its URL (telling its owner who reads the data, and when). Unless a
lead allows images (:func:`curation.security.set_external_images`), the app shows them as
links, which load nothing until clicked.

Code spans and fenced blocks are left alone (an image there is text already). The result
is checked with a CommonMark parser (markdown-it-py, as Streamlit's renderer follows
CommonMark + GFM); should an image survive the code-aware pass, every ``![`` is escaped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# ![alt](dest "title"): the common inline form, rewritten to a readable link.
_INLINE = re.compile(
    r"(?<!\\)((?:\\\\)*)!\[(?P<alt>[^\[\]\n]*)\]\(\s*(?P<dest><[^<>\n]*>|[^\s()<>]*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
# Any other image opener (reference images, nested brackets): the ``!`` escaped.
_BANG = re.compile(r"(?<!\\)((?:\\\\)*)!\[")
# Fenced code blocks and code spans, left as they are.
_CODE = re.compile(
    r"(?P<fence>^[ ]{0,3}(?P<f>`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}(?P=f)[ \t]*$|\Z))"
    r"|(?P<span>(?P<b>`+)(?!`).*?(?<!`)(?P=b)(?!`))",
    re.M | re.S,
)


def neutralise_images(text: str) -> str:
    """``text`` with every markdown image turned into a link (nothing is fetched)."""
    if "![" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _CODE.finditer(text):
        out.append(_rewrite(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_rewrite(text[last:]))
    result = "".join(out)
    if has_image(result):  # the code pass misjudged: escape every opener, code included
        result = _BANG.sub(r"\1\\![", text)
    return result


def _rewrite(part: str) -> str:
    part = _INLINE.sub(_as_link, part)
    return _BANG.sub(r"\1\\![", part)


def _as_link(match: re.Match[str]) -> str:
    alt = match.group("alt").strip()
    label = f"image: {alt}" if alt else "image"
    return f"{match.group(1)}[{label}]({match.group('dest')})"


def has_image(text: str) -> bool:
    """Whether CommonMark (+ GFM tables and strikethrough) would render an image from ``text``."""
    return any(_walk(_parser().parse(text)))


def _walk(tokens: list[Any]) -> Any:
    for token in tokens:
        if token.type == "image":
            yield token
        if token.children:
            yield from _walk(token.children)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])
