"""No network, ever: building the engines and scanning opens no socket, tldextract has no URL."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import REPO

SCRIPT = textwrap.dedent(
    """
    import socket

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = lambda *a, **k: refuse(None, *a)

    import tldextract
    from curation.pii.config import PiiConfig
    from curation.pii.detect import Detector
    from curation.pii.engine import stock_analyzer
    from curation.pii.segments import Segment

    detector = Detector(PiiConfig(entities=("PERSON", "EMAIL_ADDRESS", "URL")))
    found = detector.detect([Segment(("m",), "Hi, I'm Maria Gonzalez: maria@gonzalez.co.uk, see https://docs.example.org/x")])
    assert {f.entity for f in found} >= {"PERSON", "EMAIL_ADDRESS", "URL"}, found
    # Presidio's own email check (used by the stock engine) goes through tldextract:
    stock = stock_analyzer()
    assert any(r.entity_type == "EMAIL_ADDRESS" for r in stock.analyze("mail maria@gonzalez.co.uk", language="en"))
    assert tldextract.extract("a.b.example.co.uk").suffix == "co.uk"
    import tldextract.tldextract as t
    assert t.TLD_EXTRACTOR.suffix_list_urls == ()
    print("OFFLINE-OK")
    """
)


def test_engines_and_scans_open_no_socket(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = dict(os.environ, HF_HUB_OFFLINE="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", None)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "OFFLINE-OK" in proc.stdout
    assert not (tmp_path / "cache" / "python-tldextract").exists()  # no suffix list was cached
