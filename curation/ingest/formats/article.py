"""The source article's layouts: RFT preference pairs and N-completion ranking records."""

from __future__ import annotations

from typing import Any

from curation.errors import CurationError, FieldError
from curation.ingest.formats.base import Format
from curation.ingest.formats.common import (
    completion_from,
    messages_list,
    require_key,
    require_object,
    tools_list,
    type_name,
)
from curation.records import Record

PAIR_KEYS = {"messages", "tools", "preferred_completion", "rejected_completion", "metadata"}


class RFTPairs(Format):
    """``messages`` + ``preferred_completion`` + ``rejected_completion`` + ``metadata``."""

    name = "rft-pairs"
    label = "Source-article RFT pairs"
    rule = "`messages` with `preferred_completion`/`rejected_completion`"
    example = '{"messages":[{"role":"user","content":"Hi"}],"preferred_completion":"Hello!","rejected_completion":"Go away.","metadata":{"quality_delta":[0.9,0.2]}}'
    priority = 10

    def detect(self, obj: dict[str, Any]) -> bool:
        return "messages" in obj and ("preferred_completion" in obj or "rejected_completion" in obj)

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        messages = messages_list(require_key(obj, "messages"))
        preferred = completion_from(
            require_key(obj, "preferred_completion"), "preferred_completion"
        )
        rejected = completion_from(require_key(obj, "rejected_completion"), "rejected_completion")
        metadata = obj.get("metadata", {})
        if not isinstance(metadata, dict):
            raise FieldError("metadata", f"expected an object, got {type_name(metadata)}")
        return Record(
            messages=messages,
            tools=tools_list(obj.get("tools")),
            metadata=metadata,
            completions=[preferred, rejected],
            rankings=[(0, 1)],
            extra={k: v for k, v in obj.items() if k not in PAIR_KEYS},
        )

    def dump(self, record: Record) -> dict[str, Any]:
        if len(record.completions) != 2:
            raise CurationError("an RFT pair needs exactly two completions")
        chosen, rejected = record.rankings[0] if record.rankings else (0, 1)
        out: dict[str, Any] = {"messages": record.messages}
        if record.tools:
            out["tools"] = record.tools
        out["preferred_completion"] = _single(record.completions[chosen].messages)
        out["rejected_completion"] = _single(record.completions[rejected].messages)
        out["metadata"] = {
            "quality_delta": record.metadata.get("quality_delta", []),
            "criteria": record.metadata.get("criteria", []),
        }
        return out


def _single(messages: list[dict[str, Any]]) -> Any:
    return messages[0] if len(messages) == 1 else messages


class NCompletions(Format):
    """``messages`` + ``completions`` (+ ``quality_scores``, ``evaluation_criteria``, ``rankings``)."""

    name = "n-completions"
    label = "N completions to rank"
    rule = "`messages` with a `completions` list"
    example = '{"messages":[{"role":"user","content":"Hi"}],"completions":["Hello!","Hey."],"rankings":[[0,1]]}'
    priority = 9

    def detect(self, obj: dict[str, Any]) -> bool:
        return "messages" in obj and "completions" in obj

    def parse(self, obj: Any) -> Record:
        obj = require_object(obj)
        messages = messages_list(require_key(obj, "messages"))
        raw = require_key(obj, "completions")
        if not isinstance(raw, list) or len(raw) < 1:
            raise FieldError("completions", f"expected a non-empty list, got {type_name(raw)}")
        completions = [completion_from(c, f"completions[{i}]") for i, c in enumerate(raw)]
        scores = obj.get("quality_scores")
        if scores is not None:
            if not isinstance(scores, list) or len(scores) != len(completions):
                raise FieldError(
                    "quality_scores",
                    f"expected a list of {len(completions)} numbers, one per completion",
                )
            for i, (c, s) in enumerate(zip(completions, scores, strict=True)):
                if s is not None and (isinstance(s, bool) or not isinstance(s, int | float | dict)):
                    raise FieldError(
                        f"quality_scores[{i}]", f"expected a number, got {type_name(s)}"
                    )
                c.scores = s if isinstance(s, dict) else {"quality": s}
        rankings = _rankings(obj.get("rankings"), len(completions))
        metadata = dict(obj.get("metadata") or {}) if isinstance(obj.get("metadata"), dict) else {}
        if "evaluation_criteria" in obj:
            metadata["evaluation_criteria"] = obj["evaluation_criteria"]
        skip = {
            "messages",
            "tools",
            "completions",
            "quality_scores",
            "rankings",
            "metadata",
            "evaluation_criteria",
        }
        return Record(
            messages=messages,
            tools=tools_list(obj.get("tools")),
            metadata=metadata,
            completions=completions,
            rankings=rankings,
            extra={k: v for k, v in obj.items() if k not in skip},
        )

    def dump(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {"messages": record.messages}
        if record.tools:
            out["tools"] = record.tools
        out["completions"] = [_single(c.messages) for c in record.completions]
        if any(c.scores for c in record.completions):
            out["quality_scores"] = [
                c.scores.get("quality", c.scores or None) for c in record.completions
            ]
        if "evaluation_criteria" in record.metadata:
            out["evaluation_criteria"] = record.metadata["evaluation_criteria"]
        out["rankings"] = [list(r) for r in record.rankings]
        return out


def _rankings(value: Any, n: int) -> list[tuple[int, int]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError(
            "rankings", f"expected a list of [better, worse] pairs, got {type_name(value)}"
        )
    out: list[tuple[int, int]] = []
    for i, item in enumerate(value):
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        ):
            raise FieldError(f"rankings[{i}]", "expected [better, worse] as two completion indices")
        better, worse = item
        if not (0 <= better < n and 0 <= worse < n) or better == worse:
            raise FieldError(
                f"rankings[{i}]", f"indices must be distinct and between 0 and {n - 1}"
            )
        out.append((better, worse))
    return out
