"""Images in content become links; code is left alone; a CommonMark parser confirms no image."""

from __future__ import annotations

import pytest

from curation.markdown_images import has_image, neutralise_images
from curation.ui.chat import safe_markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("![cat](http://x/c.png)", "[image: cat](http://x/c.png)"),
        ('see ![](http://x/c.png "t") here', "see [image](http://x/c.png) here"),
        ("`![x](http://a)` and ![y](http://b)", "`![x](http://a)` and [image: y](http://b)"),
        (
            "```\n![x](http://a)\n```\n![y](http://b)",
            "```\n![x](http://a)\n```\n[image: y](http://b)",
        ),
        ("\\![not an image](http://a)", "\\![not an image](http://a)"),
        ("![a [b] c](http://x)", "\\![a [b] c](http://x)"),
        ("no images at all", "no images at all"),
    ],
)
def test_images_become_links(text: str, expected: str) -> None:
    assert neutralise_images(text) == expected
    assert not has_image(neutralise_images(text))


@pytest.mark.parametrize(
    "text",
    [
        "see ![a][ref]\n\n[ref]: http://x/y.png",
        "`a\n\n![z](http://c)\n\nb`",  # not a code span: a paragraph break ends it
        "\\\\![even backslashes](http://a)",
        "[![badge](http://a/b.svg)](http://c)",
        "| a |\n|---|\n| ![t](http://t.png) |",
        "> quoted ![q](http://q.png)\n- item ![l](http://l.png)",
    ],
)
def test_no_image_survives(text: str) -> None:
    assert has_image(text)
    assert not has_image(neutralise_images(text))
    assert not has_image(safe_markdown(text))


def test_a_lead_may_allow_images() -> None:
    assert safe_markdown("![cat](http://x/c.png) costs $5", images=True) == (
        "![cat](http://x/c.png) costs \\$5"
    )
