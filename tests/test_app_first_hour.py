"""Issue 17 (a data lead's first hour) through AppTest: each test fails if its point comes back."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.wording import dataset_name_for, human_time, plural
from tests.helpers.apptest import logged_in, open_page, texts
from tests.helpers.labeling import campaign, pair_dataset


def chats(n: int, tag: str, repeat_first: int = 0) -> bytes:
    """``n`` distinct two-turn chats (plus ``repeat_first`` copies of the first) as JSONL."""
    rows = [
        {
            "messages": [
                {"role": "user", "content": f"{tag} {i}?"},
                {"role": "assistant", "content": f"A{i}"},
            ]
        }
        for i in range(n)
    ]
    rows += [rows[0]] * repeat_first
    return "\n".join(json.dumps(r) for r in rows).encode()


def records_in(ws: Workspace) -> dict[str, int]:
    with ws.read() as s:
        rows = s.execute(
            sa.select(m.Dataset.name, sa.func.count(m.Record.id))
            .join(m.Record, m.Record.dataset_id == m.Dataset.id)
            .group_by(m.Dataset.name)
        ).all()
    return {name: n for name, n in rows}


def test_words() -> None:
    assert plural(1, "record") == "1 record"
    assert plural(0, "record") == "0 records"
    assert plural(1200, "row") == "1,200 rows"
    assert dataset_name_for("llamafactory_alpaca_en_demo.json", []) == "llamafactory_alpaca_en_demo"
    assert dataset_name_for("chats.jsonl.gz", ["chats", "chats-2"]) == "chats-3"


def test_import_defaults_to_a_new_dataset_named_after_the_file(
    app_ws: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "contracts.jsonl"
    first.write_bytes(chats(3, "contract"))
    import_file(app_ws, first, "contracts")
    at = open_page(logged_in("lead"), "import_data.py")
    at.session_state["dataset"] = "contracts"  # the sidebar's dataset must not be the default
    at.file_uploader(key="import_upload").upload(
        "alpaca_demo.jsonl", chats(4, "alpaca"), "application/jsonl"
    )
    at.run()
    assert not at.exception, at.exception
    headings = [h.value for h in at.subheader]
    assert "alpaca_demo.jsonl" in headings  # the user's name, not the stored `<digest>-name`
    assert not any("-alpaca_demo" in h for h in headings)
    target = at.selectbox(key="import_target")
    assert target.value == "New dataset"
    assert "contracts" in target.options  # an existing dataset is one choice away
    assert at.text_input(key="import_dataset").value == "alpaca_demo"
    at.button(key="do_import").click().run()
    assert not at.exception, at.exception
    assert records_in(app_ws) == {"contracts": 3, "alpaca_demo": 4}
    assert "4 imported" in "\n".join(s.value for s in at.success)
    assert at.selectbox(key="import_target").value == "alpaca_demo"

    # a new file: the old green result goes, the target is again a new dataset for it
    at.file_uploader(key="import_upload").upload(
        "second.jsonl", chats(2, "second"), "application/jsonl"
    )
    at.run()
    assert not at.exception, at.exception
    assert not at.success or all("imported" not in s.value for s in at.success)
    assert at.selectbox(key="import_target").value == "New dataset"
    assert at.text_input(key="import_dataset").value == "second"


def test_import_refuses_to_mix_into_an_existing_dataset_by_name(
    app_ws: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "faq.jsonl"
    first.write_bytes(chats(2, "faq"))
    import_file(app_ws, first, "faq")
    at = open_page(logged_in("lead"), "import_data.py")
    at.file_uploader(key="import_upload").upload(
        "faq.jsonl", chats(5, "other"), "application/jsonl"
    )
    at.run()
    assert at.text_input(key="import_dataset").value == "faq-2"
    at.text_input(key="import_dataset").input("faq").run()
    assert "exists already" in texts(at)
    assert at.button(key="do_import").disabled
    at.selectbox(key="import_target").select("faq").run()
    assert not at.button(key="do_import").disabled
    at.button(key="do_import").click().run()
    assert records_in(app_ws) == {"faq": 7}


def test_counts_tell_file_duplicates_from_dataset_content(
    app_ws: Workspace, tmp_path: Path
) -> None:
    at = open_page(logged_in("lead"), "import_data.py")
    at.file_uploader(key="import_upload").upload(
        "dup.jsonl", chats(5, "q", repeat_first=2), "application/jsonl"
    )
    at.run()
    assert not at.exception, at.exception
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Valid"] == "7" and metrics["Duplicates inside this file"] == "2"
    assert "2 valid items repeat an earlier item of this file" in texts(at)
    at.button(key="do_import").click().run()
    done = "\n".join(s.value for s in at.success)
    assert "5 imported, 2 duplicates inside this file" in done
    assert "already in the dataset" not in done  # a brand-new dataset holds nothing yet

    # the same file again into that dataset: now it is "already in the dataset"
    at.selectbox(key="import_target").select("dup").run()
    at.button(key="do_import").click().run()
    done = "\n".join(s.value for s in at.success)
    assert "5 already in the dataset" in done and "0 imported" in done


def test_one_of_a_kind_reads_in_the_singular(app_ws: Workspace, tmp_path: Path) -> None:
    at = open_page(logged_in("lead"), "import_data.py")
    at.file_uploader(key="import_upload").upload(
        "one.jsonl", chats(1, "q", repeat_first=1), "application/jsonl"
    )
    at.run()
    assert "1 valid item repeats an earlier item" in texts(at)
    assert "1 valid items" not in texts(at)


def _mark_all(ws: Workspace, dataset: str, redaction: str) -> None:
    with ws.tx() as s:
        ds_id = s.scalar(sa.select(m.Dataset.id).where(m.Dataset.name == dataset))
        s.execute(
            sa.update(m.Record).where(m.Record.dataset_id == ds_id).values(redaction=redaction)
        )


def test_pii_state_is_visible_before_export(app_ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(app_ws, tmp_path, 4)
    at = open_page(logged_in("lead"), "datasets.py")
    assert "prefs has not been scanned for personal data yet" in texts(at)
    assert "Export refuses 4 records" in texts(at)

    at = open_page(at, "campaigns.py")
    at.text_input(key="nc_name").input("c-unscanned")
    at.multiselect(key="nc_annotators").select("ann")
    at.text_area(key="nc_guidelines").input("Prefer the correct answer.")
    at.button[0].click().run()
    assert not at.exception, at.exception
    warned = "\n".join(w.value for w in at.warning)
    assert "not been scanned" in warned and "Export refuses 4 records" in warned
    at.run()
    table = at.dataframe[0].value
    assert list(table.loc[table["campaign"] == "c-unscanned", "PII"]) == ["not scanned"]

    at = open_page(at, "quality.py")
    assert "Export refuses 4 records" in texts(at)

    _mark_all(app_ws, "prefs", "clean")
    at = open_page(at, "quality.py")
    assert "Export refuses" not in texts(at)
    assert "all 4 records of prefs are clean or redacted" in texts(at)


def test_demo_system_prompts_plant_no_ticket_finding() -> None:
    """The demo's ticket rule must find real references, not the example in every system prompt."""
    import re

    from curation.demo import TICKET_PATTERN, sample_data_dir
    from curation.ingest.formats import open_source

    rule = re.compile(TICKET_PATTERN)
    for name in ("support_chats.jsonl", "support_sharegpt.json", "messy_import.jsonl"):
        systems = [
            str(msg.get("content"))
            for parsed in open_source(sample_data_dir() / name).records()
            if parsed.record is not None
            for msg in parsed.record.messages
            if msg.get("role") == "system"
        ]
        assert systems, name
        assert not [s for s in systems if rule.search(s)], (
            f"{name}: a system prompt matches the ticket rule"
        )


def test_record_view_opens_on_the_finding_in_context(app_ws: Workspace, tmp_path: Path) -> None:
    from curation.ui import keys

    system = "You are a careful assistant. " * 110 + "Escalations go to maria.gonzalez@example.com."
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps(
            {
                "messages": [
                    {"role": "system", "content": system},
                    {"role": "user", "content": "Hello?"},
                    {"role": "assistant", "content": "Hi."},
                ]
            }
        )
    )
    import_file(app_ws, path, "long")
    at = open_page(logged_in("lead"), "pii.py")
    at.button(key=keys.PII_SCAN).click().run()
    assert not at.exception, at.exception
    with app_ws.read() as s:
        rid = min(s.scalars(sa.select(m.Record.id)))
    at.number_input(key=keys.PII_RECORD).set_value(rid).run()
    assert not at.exception, at.exception
    marked = [md.value for md in at.markdown if "background[" in md.value]
    first = marked[0]
    assert ":orange-background[maria\\.gonzalez" in first
    assert len(first) < 1200 and first.startswith("… ")  # a window around it, not 3,000 characters
    whole = next(e for e in at.expander if e.label == "The whole record")
    assert not whole.proto.expanded


def test_campaign_creation_refreshes_resets_and_offers_only_annotators(
    app_ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(app_ws, tmp_path, 4)
    pair_dataset(app_ws, tmp_path, 3, name="more", completions=3)
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(chats(3, "plain"))
    import_file(app_ws, plain, "plain")
    at = open_page(logged_in("lead"), "campaigns.py")
    at.session_state["dataset"] = "plain"  # the sidebar's dataset has no pairs
    at.run()
    picker = at.selectbox(key="nc_dataset")
    assert picker.options == ["more · 9 pairs", "prefs · 4 pairs"]  # no "plain": it has none
    assert at.multiselect(key="nc_annotators").options == ["ann", "ann2"]  # no lead, no admin

    # empty guidelines: a warning, nothing created
    at.text_input(key="nc_name").input("first")
    at.multiselect(key="nc_annotators").select("ann")
    at.button[0].click().run()
    assert "guidelines are empty" in texts(at)
    with app_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Campaign.id))) == 0

    at.text_area(key="nc_guidelines").input("Prefer the correct answer.")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert "Created first: 9 pairs" in texts(at)
    table = at.dataframe[0].value  # the list above the form already has it
    assert list(table["campaign"]) == ["first"]
    assert at.text_input(key="nc_name").value == ""  # the form starts afresh
    assert at.text_area(key="nc_guidelines").value == ""
    assert at.multiselect(key="nc_annotators").value == []


def _label_all(ws: Workspace, cid: int, answers: dict[str, list[int]]) -> None:
    from curation.labeling import queue
    from curation.labeling.answers import Answer, submit

    with ws.read() as s:
        tasks = list(
            s.scalars(
                sa.select(lm.Task.id).where(lm.Task.campaign_id == cid).order_by(lm.Task.pair_id)
            )
        )
    for name, choices in answers.items():
        want = dict(zip(tasks, choices, strict=True))
        while (item := queue.next_item(ws, cid, name)) is not None:
            submit(ws, item.assignment_id, name, Answer(choice=want[item.task_id]))


def _chart_specs(at: object) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]  # type: ignore[attr-defined]


def test_quality_warns_on_small_samples_and_ticks_whole_numbers(
    app_ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(app_ws, tmp_path, 4)
    cid = campaign(app_ws, ["ann", "ann2"], overlap=2)
    _label_all(app_ws, cid, {"ann": [2, 1, 0, -1], "ann2": [2, 1, -1, -1]})
    at = open_page(logged_in("lead"), "quality.py")
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Krippendorff's α (choice)"] != "—"
    warned = "\n".join(w.value for w in at.warning)
    assert "α rests on only 4 tasks" in warned
    infos = "\n".join(i.value for i in at.info)
    assert "No two annotators share 5 tasks yet (the most any two share is 4)" in infos
    # no κ heatmap (an empty grid) is drawn; the progress chart ticks whole items only
    specs = _chart_specs(at)
    assert not any("κ" in json.dumps(spec, ensure_ascii=False) for spec in specs)
    progress = next(sp for sp in specs if '"items"' in json.dumps(sp))
    axis = progress["encoding"]["x"]["axis"]
    assert axis["format"] == "d" and axis["tickMinStep"] == 1


def test_quality_has_no_caution_on_enough_shared_items(app_ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(app_ws, tmp_path, 6)
    cid = campaign(app_ws, ["ann", "ann2"], overlap=2)
    _label_all(app_ws, cid, {"ann": [2, 1, 1, 0, -1, -2], "ann2": [2, 1, 0, 0, -2, -2]})
    at = open_page(logged_in("lead"), "quality.py")
    assert "rests on only" not in texts(at) and "No two annotators share" not in texts(at)
    assert any("κ" in json.dumps(spec, ensure_ascii=False) for spec in _chart_specs(at))


def test_rank_without_guidelines_gives_the_task_the_whole_width(
    app_ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(app_ws, tmp_path, 2)
    campaign(app_ws, ["ann"], name="bare", overlap=1)
    at = logged_in("ann")
    # the task component draws the layout (checked in Chromium, tests/e2e/test_first_hour.py):
    # given no guidelines, it gives the task the whole width and says so
    (component,) = at.get("bidi_component")
    assert json.loads(component.proto.json)["guidelines"] == ""
    assert len(at.columns) == 0


def test_human_times() -> None:
    from datetime import datetime

    now = datetime(2026, 12, 6, 15, 0)
    assert human_time(datetime(2026, 12, 6, 14, 59, 30), now) == "just now"
    assert human_time(datetime(2026, 12, 6, 14, 55), now) == "5 min ago"
    assert human_time(datetime(2026, 12, 6, 12, 0), now) == "3 h ago"
    assert human_time(datetime(2026, 12, 6, 8, 3), now) == "today 08:03"
    assert human_time(datetime(2026, 12, 5, 14, 3), now) == "yesterday 14:03"
    assert human_time(datetime(2026, 11, 5, 14, 3), now) == "5 Nov 14:03"
    assert human_time(datetime(2025, 11, 5, 14, 3), now) == "5 Nov 2025"


def test_datasets_say_single_values_in_words(app_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_bytes(chats(3, "q"))
    import_file(app_ws, path, "one")
    at = open_page(logged_in("lead"), "datasets.py")
    # one format, one turn count: words, not a lone bar in half a row
    assert "All 3 records: **openai-chat**." in texts(at)
    assert "All 3 conversations: **1**." in texts(at)
    specs = _chart_specs(at)
    assert len(specs) == 2  # the token histogram and the roles (user, assistant)


def test_my_progress_reads_as_times_not_timestamps(app_ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(app_ws, tmp_path, 5)
    cid = campaign(app_ws, ["ann"], overlap=1)
    _label_all(app_ws, cid, {"ann": [2, 1, 0, -1, -2]})
    at = open_page(logged_in("ann"), "my_progress.py")
    table = at.dataframe[0].value
    assert set(table["submitted"]) == {"just now"}  # not 2026-12-06T14:03:11
    spec = _chart_specs(at)[0]
    x = spec["encoding"]["x"]
    assert "bin" not in x and x["axis"]["format"] == "d" and x["axis"]["tickMinStep"] == 1


def test_pii_page_loads_the_engine_under_a_spinner() -> None:
    """The slow import (Presidio, spaCy) happens inside ``st.spinner``, not before the page shows."""
    import ast

    tree = ast.parse(
        (Path(__file__).parents[1] / "curation" / "ui" / "views" / "pii.py").read_text()
    )
    top_imports = [
        n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module and "pii" in n.module
    ]
    stage = {"curation.pii.scan", "curation.pii.review", "curation.pii.apply"}
    assert not [n for n in top_imports if n.module in stage]
    spinners = [
        n
        for n in tree.body
        if isinstance(n, ast.With)
        and any("spinner" in ast.unparse(item.context_expr) for item in n.items)
    ]
    assert stage <= {
        b.module for n in spinners for b in n.body if isinstance(b, ast.ImportFrom) and b.module
    }
