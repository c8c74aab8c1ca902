"""Validate an OpenAI fine-tuning file: read it, check each example, count its tokens.

The checks follow the OpenAI cookbook notebook "Data preparation and analysis for
chat model fine-tuning" and keep its error codes (``data_type``,
``missing_messages_list``, ``message_missing_key``, ``message_unrecognized_key``,
``unrecognized_role``, ``missing_content``, ``example_missing_assistant_message``),
so a user who knows the notebook recognises them. The notebook predates tool calling
and rejects valid files, so the rules here are corrected: ``developer`` and ``tool``
roles, assistant messages that only call tools, content-part arrays, ``weight``,
preference (DPO) and reinforcement (RFT) layouts.

A file is read line by line and token counting happens per batch of
``token_pipeline.BATCH_SIZE`` examples in a worker thread, so memory does not grow with the file:
parsed examples are held for at most two batches, at most ``max_errors`` issues are
kept (all are counted), and the token statistics are exact value histograms rather
than one int per example (see :class:`curation.ingest.report.Distribution`). Measured on two cores
(``bench/bench_validate.py``), a 1.9 GB file of 10⁶ chat examples validates in about
0.17× the cookbook notebook's time at 0.05× its peak memory.

The parts live apart: the per-example rules in :mod:`curation.ingest.checks`, the result in
:mod:`curation.ingest.report`, the cost estimate in :mod:`curation.ingest.cost` and the
threaded counting in :mod:`curation.ingest.token_pipeline`; this module drives them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from curation.fileio.items import RawItem
from curation.fileio.jsonl import iter_jsonl
from curation.ingest.checks import Issue, check_layout_name, inspect_example
from curation.ingest.report import DEFAULT_MAX_ERRORS, ValidationReport, tally_tokens
from curation.ingest.token_pipeline import TokenPipeline
from curation.ingest.tokens import context_limit, counter_for_model
from curation.progress import Progress

PROGRESS_EVERY = 4096  # examples between two progress reports
STAGE = "validate"


def validate_file(
    path: str | Path,
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
    max_errors: int | None = None,
    *,
    layout: str | None = None,
    progress: Progress | None = None,
) -> ValidationReport:
    """Check every line of a JSONL file (``.gz``, BOM, CRLF and blank lines accepted).

    Raises :class:`~curation.errors.InputError` only when the file cannot be opened;
    anything wrong inside it becomes an :class:`Issue` on its line. ``progress`` hears
    ``("validate", examples read, None)`` as it goes and the final count as the total.
    """
    return _run(_items_of_file(path), model, price_per_million, max_errors, layout, progress)


def validate_objects(
    items: Iterable[tuple[int, Any]],
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
    max_errors: int | None = None,
    *,
    layout: str | None = None,
    progress: Progress | None = None,
) -> ValidationReport:
    """Validate already-decoded examples, each given with the line it should be reported on."""
    return _run(
        (RawItem(line, value) for line, value in items),
        model,
        price_per_million,
        max_errors,
        layout,
        progress,
    )


def validate_items(
    items: Iterable[RawItem],
    model: str = "gpt-4.1",
    price_per_million: float | None = None,
    max_errors: int | None = None,
    *,
    layout: str | None = None,
    progress: Progress | None = None,
) -> ValidationReport:
    """Validate items as a reader yields them (a Parquet shard's rows, for example)."""
    return _run(items, model, price_per_million, max_errors, layout, progress)


def _items_of_file(path: str | Path) -> Iterator[RawItem]:
    """The file's items, opened now so a missing file fails before encodings load."""
    items = iter_jsonl(path)
    first = next(items, None)
    return iter(()) if first is None else chain((first,), items)


def _run(
    items: Iterable[RawItem],
    model: str,
    price_per_million: float | None,
    max_errors: int | None,
    layout: str | None,
    progress: Progress | None,
) -> ValidationReport:
    check_layout_name(layout)
    counter = counter_for_model(model)
    report = ValidationReport(
        model=model,
        encoding=counter.encoding,
        encoding_note=counter.note,
        context_limit=context_limit(model),
        price_per_million=price_per_million,
        max_errors=DEFAULT_MAX_ERRORS if max_errors is None else max(0, max_errors),
    )
    with TokenPipeline(counter, tally_tokens(report), "validate-tokens") as tokens:
        for item in items:
            _take(item, report, tokens, layout)
            if progress is not None and report.examples % PROGRESS_EVERY == 0:
                progress(STAGE, report.examples, None)
    if progress is not None:
        progress(STAGE, report.examples, report.examples)
    return report


def _take(
    item: RawItem, report: ValidationReport, tokens: TokenPipeline[int], layout: str | None
) -> None:
    report.examples += 1
    if item.error is not None:
        report.add_issue(Issue(item.line, item.code, f"line: {item.error}"))
        return
    result = inspect_example(item.value, item.line, layout)
    if result.layout is not None:
        report.layouts[result.layout] += 1
    if result.issues:
        for issue in result.issues:
            report.add_issue(issue)
        return
    report.valid_examples += 1
    roles = result.roles
    if "system" not in roles and "developer" not in roles:
        report.missing_system += 1
    if "user" not in roles:
        report.missing_user += 1
    tokens.add(item.line, result.conversation)
