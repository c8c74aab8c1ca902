"""The container I/O layer: every stage reads and writes user files through here.

- :mod:`~curation.fileio.gate` — the regular-file gate (pipes, devices, folders refused)
  and the line limit ``$CURATION_MAX_LINE_MB``.
- :mod:`~curation.fileio.source` — opening a file to read: gzip, wide encodings, the
  BOM, the container guess (jsonl, json, csv, tsv, parquet) and the damage messages.
- :mod:`~curation.fileio.items` — :class:`~curation.fileio.items.RawItem` (one item with
  its line and, for pass-through, its raw bytes or span) and JSON decoding.
- :mod:`~curation.fileio.jsonl`, :mod:`~curation.fileio.jsonarray`,
  :mod:`~curation.fileio.table` — line-numbered streaming readers per container.
- :mod:`~curation.fileio.writers` — container writers that copy an untouched item's raw
  bytes or write a changed value.
- :mod:`~curation.fileio.atomic` — atomic writers (temporary file, fsync, rename).

See ``docs/architecture.md`` for how a record travels from import to export.
"""
