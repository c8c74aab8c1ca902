"""Login throttling (SQLite and PostgreSQL): resets and re-enabling unlock, a user's own
password change is throttled, the limit holds under concurrent guesses, the password is
verified outside any write transaction, and the address is the proxy's only if trusted."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import sqlalchemy as sa

from curation import auth
from curation.errors import InputError, PermissionDenied
from curation.security import client_address, set_trusted_proxies, trusted_proxies
from curation.store import Workspace
from curation.store import models as m


def _user(ws: Workspace, name: str = "ann", role: str = "annotator") -> None:
    with ws.tx() as s:
        auth.create_user(s, name, role, "longenough")


def _lock(ws: Workspace, name: str = "ann", address: str = "10.0.0.1") -> None:
    for _ in range(auth.THROTTLE_LIMIT):
        assert auth.log_in(ws, name, "wrong password", address=address) is None
    with pytest.raises(auth.LoginThrottled):
        auth.log_in(ws, name, "longenough", address="10.9.9.9")


def _attempts(ws: Workspace) -> int:
    with ws.read() as s:
        return s.scalar(sa.select(sa.func.count(m.LoginAttempt.id))) or 0


def test_an_admin_reset_or_passwd_unlocks_the_account(ws: Workspace) -> None:
    _user(ws)
    _lock(ws)
    with ws.tx() as s:  # the Users page's reset and `curation users passwd` both call this
        auth.set_password(s, "ann", "reset by admin", actor="root")
    assert auth.log_in(ws, "ann", "reset by admin") == auth.Account("ann", "annotator")
    assert _attempts(ws) == 0


def test_re_enabling_a_user_unlocks_the_account(ws: Workspace) -> None:
    _user(ws, "root", "admin")
    _user(ws)
    _lock(ws)
    with ws.tx() as s:
        auth.set_disabled(s, "ann", True, actor="root")
    with ws.tx() as s:
        auth.set_disabled(s, "ann", False, actor="root")
    assert auth.log_in(ws, "ann", "longenough") is not None


def test_a_wrong_current_password_counts_as_a_failed_login(ws: Workspace) -> None:
    _user(ws)
    here = "token-of-this-tab"
    for _ in range(auth.THROTTLE_LIMIT):
        with pytest.raises(PermissionDenied, match="current password is wrong"):
            auth.change_own_password(ws, "ann", "guess", "brand new pw", keep_token=here)
    # the right current password no longer helps: the account is throttled
    with pytest.raises(auth.LoginThrottled, match="for this account"):
        auth.change_own_password(ws, "ann", "longenough", "brand new pw", keep_token=here)
    with pytest.raises(auth.LoginThrottled):
        auth.log_in(ws, "ann", "longenough")
    with ws.read() as s:
        assert auth.authenticate(s, "ann", "longenough") is not None  # nothing was changed
    # a too-short new password is refused before the current one is even checked
    with ws.tx() as s:
        auth.unlock(s, "ann", actor="root")
    with pytest.raises(InputError):
        auth.change_own_password(ws, "ann", "guess", "short", keep_token=here)
    assert _attempts(ws) == 0


def test_an_admin_unlocks_an_account_and_an_address(ws: Workspace) -> None:
    _user(ws)
    _lock(ws)
    with ws.read() as s:
        assert auth.failed_logins(s) == {"ann": auth.THROTTLE_LIMIT}
    with ws.tx() as s:
        assert auth.unlock(s, "ann", actor="root") == auth.THROTTLE_LIMIT
    assert auth.log_in(ws, "ann", "longenough", address="10.0.0.1") is not None

    for i in range(auth.THROTTLE_LIMIT):  # guesses at other names lock the address
        auth.log_in(ws, f"guess{i}", "x", address="203.0.113.7")
    with pytest.raises(auth.LoginThrottled, match="from this address"):
        auth.log_in(ws, "ann", "longenough", address="203.0.113.7")
    with ws.tx() as s:
        auth.unlock(s, "ann", actor="root", address="203.0.113.7")
    assert auth.log_in(ws, "ann", "longenough", address="203.0.113.7") is not None
    with ws.read() as s:
        events = list(
            s.execute(
                sa.select(m.AuditEvent.actor, m.AuditEvent.target_id).where(
                    m.AuditEvent.action == "user.unlock"
                )
            )
        )
    assert events == [("root", "ann"), ("root", "ann")]


class _CountingHasher:
    """Wraps the real Argon2 hasher: counts verifications and runs ``probe`` during each."""

    def __init__(self, real: Any, probe: Any = None) -> None:
        self.real, self.probe, self.calls = real, probe, 0
        self.lock = threading.Lock()

    def verify(self, stored: str, password: str) -> bool:
        with self.lock:
            self.calls += 1
        if self.probe is not None:
            self.probe()
        return bool(self.real.verify(stored, password))

    def hash(self, password: str) -> str:
        return str(self.real.hash(password))


def test_the_password_is_verified_outside_the_sqlite_write_lock(
    sqlite_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_ws
    _user(ws)
    seen: list[str] = []

    def probe() -> None:
        # another process's writer must get the lock at once while Argon2 runs
        conn = sqlite3.connect(ws.folder / "workspace.db", timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            seen.append("free")
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            conn.close()

    monkeypatch.setattr(auth, "_hasher", _CountingHasher(auth._hasher, probe))
    assert auth.log_in(ws, "ann", "wrong password", address="10.0.0.1") is None
    assert auth.log_in(ws, "ann", "longenough", address="10.0.0.1") is not None
    with pytest.raises(PermissionDenied):
        auth.change_own_password(ws, "ann", "wrong", "brand new pw", keep_token=None)
    assert seen == ["free", "free", "free"]


@pytest.mark.parametrize("target", ["account", "address"])
def test_concurrent_guesses_never_check_more_than_the_limit(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    _user(ws)
    hasher = _CountingHasher(auth._hasher)
    monkeypatch.setattr(auth, "_hasher", hasher)
    threads = 3 * auth.THROTTLE_LIMIT
    start = threading.Barrier(threads)

    def guess(i: int) -> str:
        name, address = ("ann", f"10.0.0.{i}") if target == "account" else (f"u{i}", "10.0.0.1")
        start.wait()
        try:
            return "checked" if auth.log_in(ws, name, "wrong", address=address) is None else "in"
        except auth.LoginThrottled:
            return "throttled"

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(guess, range(threads)))
    assert results.count("checked") == auth.THROTTLE_LIMIT
    assert results.count("throttled") == threads - auth.THROTTLE_LIMIT
    assert hasher.calls == auth.THROTTLE_LIMIT
    assert _attempts(ws) == auth.THROTTLE_LIMIT


def test_x_forwarded_for_is_ignored_unless_an_admin_trusts_a_proxy() -> None:
    proxy = "10.0.0.2"
    # by default the header, which any client can send, changes nothing
    assert client_address(proxy, "203.0.113.7", 0) == proxy
    # behind one trusted proxy the client is what that proxy appended (the last entry):
    # entries further left were written by the client
    assert client_address(proxy, "1.2.3.4, 203.0.113.7", 1) == "203.0.113.7"
    assert client_address(proxy, "1.2.3.4, 203.0.113.7, 10.0.0.3", 2) == "203.0.113.7"
    assert client_address(proxy, "", 1) == proxy
    assert client_address(proxy, "not-an-address", 1) == proxy
    assert client_address(proxy, " 2001:db8::1 ", 1) == "2001:db8::1"


def test_trusting_proxies_is_an_audited_admin_setting(ws: Workspace) -> None:
    with ws.read() as s:
        assert trusted_proxies(s) == 0
    with ws.tx() as s:
        with pytest.raises(InputError):
            set_trusted_proxies(s, -1, actor="root")
        set_trusted_proxies(s, 1, actor="root")
    with ws.read() as s:
        assert trusted_proxies(s) == 1
        event = s.scalar(
            sa.select(m.AuditEvent).where(m.AuditEvent.action == "settings.trusted_proxies")
        )
        assert event is not None and event.details == {"before": 0, "after": 1}
