"""``python -m curation.cli``: the same as the ``curation`` command."""

from curation.cli import main

main()
