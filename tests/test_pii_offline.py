"""No network, ever: building the engines and scanning opens no socket, tldextract has no URL."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.helpers.common import REPO

SCRIPT = textwrap.dedent(
    """
    import socket

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise AssertionError(f"a socket was opened: {args!r}")

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    socket.socket = NoSocket
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import tldextract
    from curation.pii.config import PiiConfig
    from curation.pii.detect import Detector
    from curation.pii.segments import Segment

    detector = Detector(PiiConfig(entities=("PERSON", "EMAIL_ADDRESS", "URL")))
    found = detector.detect([Segment(("m",), "Hi, I'm Maria Gonzalez: maria@gonzalez.co.uk, see https://docs.example.org/x")])
    assert {f.entity for f in found} >= {"PERSON", "EMAIL_ADDRESS", "URL"}, found
    # Presidio's own email check (the stock engine's) asks tldextract for the suffix:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer
    hits = EmailRecognizer().analyze("mail maria@gonzalez.co.uk", ["EMAIL_ADDRESS"])
    assert [h.entity_type for h in hits] == ["EMAIL_ADDRESS"], hits
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
