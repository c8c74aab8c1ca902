"""Build ``curation/pii/data/names.tsv.gz`` (given names and surnames) and
``curation/pii/data/common_words.txt.gz`` (common English words that are not in that table).

Build-time only: reads the ``names-dataset`` package (first and last names of 105 countries,
from public social-network profiles) and ``wordfreq`` (English word frequency); the runtime
reads the table this writes and never imports either.

A name is kept when it ranks within ``--max-rank`` in at least one country (as a given name or
as a surname) and is written in letters only (Latin with diacritics, hyphen or apostrophe).
Each line: ``name<TAB>given_rank<TAB>given_countries<TAB>surname_rank<TAB>surname_countries
<TAB>zipf<TAB>foreign_zipf``, name in lower case, rank the best over countries (0 = not in that role), countries
the number of countries ranking it, zipf the English word frequency times ten (how common the
word is in English text: "will" 64, "kamau" 20), used to tell a name from a common word;
foreign_zipf the same, highest over the other languages of :data:`LANGUAGES` ("saya" in
Indonesian, "ciao" in Italian).

The second file lists English words at least as frequent as ``--common-zipf`` (wordfreq)
that the name table does not hold, so the runtime can tell "Compose" or "Spirited" from an
unknown surname without wordfreq.

    python tools/build_name_table.py [--max-rank 2500] [--common-zipf 2.9]
"""

from __future__ import annotations

import argparse
import gzip
import pickle
from pathlib import Path
from typing import Any

import regex

_LETTERS = regex.compile(r"^[\p{Latin}][\p{Latin}\p{M}'’\-]*[\p{Latin}\p{M}]$")
DATA = Path(__file__).resolve().parent.parent / "curation" / "pii" / "data"
OUT = DATA / "names.tsv.gz"
COMMON = DATA / "common_words.txt.gz"
# Languages whose common words must not pass for names (the detector's supported languages).
LANGUAGES = ("es", "de", "fr", "pt", "it", "nl", "id", "vi")
FOREIGN_COMMON_ZIPF = 4.0
_WORD = regex.compile(r"^\p{Ll}[\p{Ll}\p{M}'’\-]*$")


def _load(kind: str) -> dict[str, Any]:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / f"{kind}_names.pkl.gz"
    with gzip.open(path, "rb") as fh:
        table: dict[str, Any] = pickle.load(fh)
    return table


def _ranked(table: dict[str, Any], max_rank: int) -> dict[str, tuple[int, int]]:
    """lower-cased name → (best rank, countries ranking it within ``max_rank``)."""
    out: dict[str, tuple[int, int]] = {}
    for name, info in table.items():
        ranks = [r for r in (info.get("rank") or {}).values() if r and r <= max_rank]
        if not ranks or not _LETTERS.match(name) or len(name) < 2:
            continue
        key = name.lower()
        best, count = out.get(key, (max_rank + 1, 0))
        out[key] = (min(best, min(ranks)), max(count, len(ranks)))
    return out


def _write(out: Path, lines: list[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    # mtime=0: the same inputs give the same bytes, so a rebuild shows no spurious diff.
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write("".join(lines).encode("utf-8"))
    tmp.replace(out)


def build(max_rank: int, out: Path, common_zipf: float = 2.9, common_out: Path = COMMON) -> int:
    from wordfreq import top_n_list, zipf_frequency

    given = _ranked(_load("first"), max_rank)
    surnames = _ranked(_load("last"), max_rank)
    lines = []
    for name in sorted(set(given) | set(surnames)):
        g_rank, g_count = given.get(name, (0, 0))
        s_rank, s_count = surnames.get(name, (0, 0))
        zipf = round(zipf_frequency(name, "en") * 10)
        foreign = round(max(zipf_frequency(name, lang) for lang in LANGUAGES) * 10)
        lines.append(f"{name}\t{g_rank}\t{g_count}\t{s_rank}\t{s_count}\t{zipf}\t{foreign}\n")
    _write(out, lines)
    names = set(given) | set(surnames)
    common = {
        w
        for w in top_n_list("en", 80_000)
        if _WORD.match(w) and w not in names and zipf_frequency(w, "en") >= common_zipf
    }
    for lang in LANGUAGES:
        common.update(
            w
            for w in top_n_list(lang, 20_000)
            if _WORD.match(w) and w not in names and zipf_frequency(w, lang) >= FOREIGN_COMMON_ZIPF
        )
    common_lines = sorted(common)
    _write(common_out, [w + "\n" for w in common_lines])
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-rank", type=int, default=2500)
    parser.add_argument("--common-zipf", type=float, default=2.9)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    count = build(args.max_rank, args.out, args.common_zipf)
    print(f"wrote {count:,} names to {args.out} ({args.out.stat().st_size:,} bytes), {COMMON}")


if __name__ == "__main__":
    main()
