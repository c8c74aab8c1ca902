"""Helpers the tests share; pytest fixtures live in ``tests/conftest.py``.

One module per concern: ``common`` (paths, database backends, a JSONL writer), ``apptest``
(driving the Streamlit app with AppTest), ``cli`` (invoking the CLI in-process), ``export``
(importing objects, marking them cleared for PII, exporting), ``judge``, ``dedup``,
``formats``, ``jobs`` (runners in a thread or a process), ``labeling`` (users, campaigns)
and ``fake_openai`` (a local server speaking the OpenAI endpoints). Test modules import
from here, never from each other. The few tests that run a benchmark in small
(``test_load``, the fuzz case of ``test_bad_input``, ``test_pii_eval_sets``) import the
benchmark's own code from ``bench``, which is what they test.
"""
