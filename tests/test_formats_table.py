"""CSV / TSV / Parquet with guessed or explicit column mapping."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from curation.errors import CurationError, InputError, UnknownFormatError
from curation.ingest.formats import ColumnMapping, open_source, read_records
from curation.ingest.formats.table import guess_mapping, table_columns
from tests.helpers.formats import errors, records


def _csv(path: Path, text: str, *, bom: bool = False, crlf: bool = False) -> Path:
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode()
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize(
    ("header", "prompt", "response"),
    [
        ("prompt,response", "prompt", "response"),
        ("instruction,output", "instruction", "output"),
        ("question,answer", "question", "answer"),
        ("Question , Answer", "Question ", " Answer"),
        ("query,completion", "query", "completion"),
    ],
)
def test_guessed_sft_mapping(tmp_path: Path, header: str, prompt: str, response: str) -> None:
    path = _csv(tmp_path / "t.csv", f'{header}\nWhat is 2+2?,4\n"Say, hi",Hi!\n')
    source = open_source(path)
    assert source.container == "csv"
    assert source.format.name == "table"
    assert source.mapping == ColumnMapping(prompt=prompt, response=response)
    parsed = list(source.records())
    assert [p.line for p in parsed] == [2, 3]
    recs = records(parsed)
    assert recs[0].messages == [
        {"role": "user", "content": "What is 2+2?"},
        {"role": "assistant", "content": "4"},
    ]
    assert recs[1].messages[0]["content"] == "Say, hi"
    assert recs[0].metadata == {}


def test_guessed_preference_mapping(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "pref.csv",
        "id,prompt,chosen,rejected\n1,Name a fruit,Apple,Rock\n2,Name a colour,Blue,Table\n",
    )
    source = open_source(path)
    assert source.mapping == ColumnMapping(prompt="prompt", chosen="chosen", rejected="rejected")
    first, second = records(source.records())
    assert first.messages == [{"role": "user", "content": "Name a fruit"}]
    assert [c.messages for c in first.completions] == [
        [{"role": "assistant", "content": "Apple"}],
        [{"role": "assistant", "content": "Rock"}],
    ]
    assert [c.source for c in first.completions] == ["chosen", "rejected"]
    assert first.rankings == [(0, 1)]
    assert first.metadata == {"id": "1"}
    assert second.completions[1].text == "Table"


def test_system_column_and_metadata(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "s.csv",
        "system_prompt,instruction,output,category,notes\n"
        "Be terse.,Define cat,A small feline.,animals,\n"
        ",Define dog,A canine.,animals,checked\n",
    )
    a, b = records(read_records(path))
    assert a.messages == [
        {"role": "system", "content": "Be terse."},
        {"role": "user", "content": "Define cat"},
        {"role": "assistant", "content": "A small feline."},
    ]
    assert a.metadata == {"category": "animals"}  # empty cells are left out
    assert b.messages[0] == {"role": "user", "content": "Define dog"}
    assert b.metadata == {"category": "animals", "notes": "checked"}


def test_tsv(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.tsv", "question\tanswer\nA, B or C?\tB, surely\n")
    source = open_source(path)
    assert source.container == "tsv"
    (rec,) = records(source.records())
    assert rec.messages[0]["content"] == "A, B or C?"
    assert rec.messages[1]["content"] == "B, surely"


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    table = pa.table(
        {
            "question": ["What is 6*7?", "Capital of Peru?", None],
            "answer": ["42", "Lima", "x"],
            "difficulty": [1, 2, 3],
        }
    )
    pq.write_table(table, path)
    source = open_source(path)
    assert source.container == "parquet"
    assert source.mapping == ColumnMapping(prompt="question", response="answer")
    parsed = list(source.records())
    assert [p.line for p in parsed] == [1, 2, 3]  # Parquet: 1-based row numbers
    assert parsed[0].record is not None
    assert parsed[0].record.messages == [
        {"role": "user", "content": "What is 6*7?"},
        {"role": "assistant", "content": "42"},
    ]
    assert parsed[0].record.metadata == {"difficulty": 1}
    assert errors(parsed) == [(3, "question")]


def test_parquet_explicit_mapping_and_non_string_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"q": [7], "a": [["x", "y"]]}), path)
    with pytest.raises(InputError):
        open_source(path, mapping=ColumnMapping(prompt="q", response="missing"))
    (rec,) = records(read_records(path, mapping=ColumnMapping(prompt="q", response="a")))
    assert rec.messages == [
        {"role": "user", "content": "7"},
        {"role": "assistant", "content": "['x', 'y']"},
    ]


def test_gzipped_csv(tmp_path: Path) -> None:
    path = tmp_path / "t.csv.gz"
    path.write_bytes(gzip.compress(b"prompt,response\nhi,hello\n"))
    (rec,) = records(read_records(path))
    assert rec.messages[1]["content"] == "hello"
    # Magic bytes are enough: a gzipped file named .csv reads too.
    plain_name = tmp_path / "t.csv"
    plain_name.write_bytes(path.read_bytes())
    assert len(records(read_records(plain_name))) == 1


def test_bom_crlf_and_quoted_newlines_keep_line_numbers(tmp_path: Path) -> None:
    text = 'prompt,response\none,1\n"two\nlines",2\n\nthree,\nfour,4\n'
    path = _csv(tmp_path / "t.csv", text, bom=True, crlf=True)
    assert table_columns(path, "csv") == ["prompt", "response"]
    parsed = list(read_records(path))
    assert [p.line for p in parsed] == [2, 3, 6, 7]
    assert errors(parsed) == [(6, "response")]
    assert parsed[1].record is not None
    assert parsed[1].record.messages[0]["content"] == "two\r\nlines"
    assert parsed[3].record is not None
    assert parsed[3].record.messages[1]["content"] == "4"


def test_malformed_row_reported_and_following_rows_read(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "t.csv",
        "prompt,response\nhi,there\na,b,c\nlast,row\nshort\n",
    )
    parsed = list(read_records(path))
    assert [p.line for p in parsed] == [2, 3, 4, 5]
    assert errors(parsed) == [(3, ""), (5, "response")]
    assert parsed[1].error is not None
    assert parsed[1].error.code == "invalid_row"
    assert "3" in parsed[1].error.reason
    assert parsed[2].record is not None
    assert parsed[2].record.messages[0]["content"] == "last"


def test_cells_longer_than_the_csv_default_limit(tmp_path: Path) -> None:
    big = "x" * 300_000
    path = _csv(tmp_path / "t.csv", f'prompt,response\n"{big}",ok\n')
    (rec,) = records(read_records(path))
    assert rec.messages[0]["content"] == big


def test_explicit_mapping_overrides_guess(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "prompt,response,better,worse\nq,r,good,bad\n")
    mapping = ColumnMapping.parse("prompt=prompt, chosen=better, rejected=worse")
    assert mapping == ColumnMapping(prompt="prompt", chosen="better", rejected="worse")
    (rec,) = records(read_records(path, mapping=mapping))
    assert [c.text for c in rec.completions] == ["good", "bad"]
    assert rec.metadata == {"response": "r"}
    # The guess alone would have read it as SFT.
    (sft,) = records(read_records(path))
    assert sft.completions == []
    assert sft.messages[1]["content"] == "r"


@pytest.mark.parametrize("text", ["prompt", "speaker=x", "prompt=a,bogus"])
def test_column_mapping_parse_errors(text: str) -> None:
    with pytest.raises(InputError):
        ColumnMapping.parse(text)


def test_missing_column_is_an_input_error(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "question,answer\nq,a\n")
    with pytest.raises(InputError) as info:
        open_source(path, mapping=ColumnMapping(prompt="question", response="reply"))
    assert "'reply'" in str(info.value)
    assert "question, answer" in str(info.value)


def test_no_prompt_column_rejects_every_row(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "foo,bar\n1,2\n3,4\n")
    parsed = list(read_records(path))
    assert errors(parsed) == [(2, "columns"), (3, "columns")]
    assert all(p.error and p.error.reason for p in parsed)


def test_prompt_without_response_column(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "prompt,other\nq,x\n")
    assert errors(list(read_records(path))) == [(2, "columns")]


def test_empty_preference_cell(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "prompt,chosen,rejected\nq,,b\nq,a,b\n")
    parsed = list(read_records(path))
    assert errors(parsed) == [(2, "chosen")]


def test_format_override_for_tables(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "prompt,response\nq,a\n")
    assert open_source(path, format="table").format.name == "table"
    with pytest.raises(UnknownFormatError):
        open_source(path, format="alpaca")


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    empty = _csv(tmp_path / "empty.csv", "")
    with pytest.raises(CurationError):
        open_source(empty)
    header = _csv(tmp_path / "header.csv", "prompt,response\n")
    assert list(read_records(header)) == []


def test_duplicate_and_blank_header_names(tmp_path: Path) -> None:
    path = _csv(tmp_path / "t.csv", "prompt,response,note,note,\nq,a,x,y,z\n")
    assert table_columns(path, "csv") == ["prompt", "response", "note", "note.1", "Unnamed: 4"]
    (rec,) = records(read_records(path))
    assert rec.metadata == {"note": "x", "note.1": "y", "Unnamed: 4": "z"}


def test_guess_mapping_prefers_specific_names() -> None:
    assert guess_mapping(["input", "instruction", "output"]) == ColumnMapping(
        prompt="instruction", response="output"
    )
    assert guess_mapping(["system", "user", "assistant"]) == ColumnMapping(
        system="system", prompt="user", response="assistant"
    )
    assert guess_mapping(["a", "b"]) == ColumnMapping()


def test_damaged_parquet_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 not really parquet PAR1")
    with pytest.raises(InputError):
        open_source(path)
