"""The threaded token pipeline: count a stream of conversations a batch at a time.

Validation (:mod:`curation.ingest.validate`) and export (:mod:`curation.export`) both parse
rows in the calling thread and hand each conversation, with a tag of their choosing, to a
:class:`TokenPipeline`; a worker thread counts a batch's tokens while the next batch is
parsed, and every finished batch goes to a sink with its tags. Memory stays at two batches
of ``BATCH_SIZE`` conversations however long the stream is.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

import numpy as np

from curation.ingest.tokens import Counter
from curation.records import Message

BATCH_SIZE = 4096

Tag = TypeVar("Tag")
# a finished batch: each conversation's total and assistant tokens, and the tags it was added with
BatchSink = Callable[[np.ndarray, np.ndarray, list[Tag]], None]


class TokenPipeline(Generic[Tag]):
    """Counts tokens of conversations a batch at a time, overlapping counting with parsing.

    One worker thread runs :meth:`Counter.conversations` (whose tokenizer releases the
    GIL and uses every core) while the caller's thread parses and checks the next
    batch; at most one batch is in flight, so memory stays at two batches. Each
    finished batch goes to ``sink`` with the tags its conversations were added with.
    """

    def __init__(self, counter: Counter, sink: BatchSink[Tag], thread_name: str = "tokens") -> None:
        self.counter = counter
        self.sink = sink
        self.conversations: list[list[Message]] = []
        self.tags: list[Tag] = []
        self.pending: tuple[Future[tuple[np.ndarray, np.ndarray]], list[Tag]] | None = None
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)

    def __enter__(self) -> TokenPipeline[Tag]:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            if exc_type is None:
                self._submit()
                self._collect()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def add(self, tag: Tag, conversation: list[Message]) -> None:
        self.conversations.append(conversation)
        self.tags.append(tag)
        if len(self.conversations) >= BATCH_SIZE:
            self._submit()

    def _submit(self) -> None:
        self._collect()
        if not self.conversations:
            return
        future = self.pool.submit(self.counter.conversations, self.conversations)
        self.pending = (future, self.tags)
        self.conversations, self.tags = [], []

    def _collect(self) -> None:
        if self.pending is None:
            return
        future, tags = self.pending
        self.pending = None
        totals, assistant = future.result()
        self.sink(totals, assistant, tags)
