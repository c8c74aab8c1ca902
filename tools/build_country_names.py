"""Write ``curation/pii/data/country_names.txt.gz``: the country names that
:func:`curation.pii.firm_signals.country_branch` reads, one a line, sorted.

Build-time only: the names come from phonenumbers' geocoding data
(:func:`curation.pii.firm_signals.names_from_phonenumbers`), whose import cost every run a
third of a second. Run it again after upgrading phonenumbers (``tests/test_pii_firm_signals.py``
fails until then).

    python tools/build_country_names.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

from curation.pii.firm_signals import COUNTRY_NAMES_FILE, names_from_phonenumbers

OUT = Path(__file__).resolve().parent.parent / "curation" / "pii" / "data" / COUNTRY_NAMES_FILE


def main() -> None:
    names = sorted(names_from_phonenumbers())
    text = "".join(f"{name}\n" for name in names)
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
