"""Accounts, roles, password hashing and remembered browser sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from curation import auth
from curation.errors import ConflictError, InputError, PermissionDenied
from curation.store import Workspace
from curation.store import models as m


def test_passwords_are_hashed_with_argon2(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "ann", "annotator", "correct horse")
    with ws.read() as s:
        stored = s.scalar(sa.select(m.User.password_hash))
        assert (
            stored is not None and stored.startswith("$argon2id$") and "correct horse" not in stored
        )
        assert auth.authenticate(s, "ann", "correct horse") == auth.Account("ann", "annotator")
        assert auth.authenticate(s, "ann", "wrong") is None
        assert auth.authenticate(s, "nobody", "correct horse") is None


def test_names_roles_and_passwords_are_checked(ws: Workspace) -> None:
    with ws.tx() as s:
        with pytest.raises(InputError):
            auth.create_user(s, "../x", "lead", "longenough")
        with pytest.raises(InputError):
            auth.create_user(s, "x", "boss", "longenough")
        with pytest.raises(InputError):
            auth.create_user(s, "x", "lead", "short")
        auth.create_user(s, "x", "lead", "longenough")
        with pytest.raises(ConflictError):
            auth.create_user(s, "x", "lead", "longenough")


def test_role_ranks() -> None:
    admin, lead, ann = (
        auth.Account("a", "admin"),
        auth.Account("l", "lead"),
        auth.Account("n", "annotator"),
    )
    assert (
        admin.can("lead")
        and lead.can("annotator")
        and not ann.can("lead")
        and not lead.can("admin")
    )
    with pytest.raises(PermissionDenied):
        auth.require(ann, "lead")


def test_last_admin_cannot_be_demoted_or_disabled(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "root", "admin", "longenough")
    with ws.tx() as s, pytest.raises(PermissionDenied):
        auth.set_role(s, "root", "lead", actor="root")
    with ws.tx() as s, pytest.raises(PermissionDenied):
        auth.set_disabled(s, "root", True, actor="root")


def test_login_sessions_survive_until_revoked_expired_or_disabled(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "ann", "annotator", "longenough")
        token = auth.create_login_session(s, "ann")
        old = auth.create_login_session(s, "ann", ttl=timedelta(seconds=-1))
    with ws.read() as s:
        assert (
            s.scalar(
                sa.select(sa.func.count())
                .select_from(m.LoginSession)
                .where(m.LoginSession.token_hash == token)
            )
            == 0
        )
        assert auth.account_for_token(s, token) == auth.Account("ann", "annotator")
        assert auth.account_for_token(s, old) is None
        assert auth.account_for_token(s, "forged") is None
    with ws.tx() as s:
        auth.revoke_login_session(s, token)
    with ws.read() as s:
        assert auth.account_for_token(s, token) is None
    with ws.tx() as s:
        again = auth.create_login_session(s, "ann")
    with ws.tx() as s:
        auth.set_password(s, "ann", "a new password", actor="admin")
    with ws.read() as s:
        assert auth.account_for_token(s, again) is None  # a password change ends every session
    with ws.tx() as s:
        third = auth.create_login_session(s, "ann")
        auth.create_user(s, "boss", "admin", "longenough")
    with ws.tx() as s:
        auth.set_disabled(s, "ann", True, actor="boss")
    with ws.read() as s:
        assert auth.account_for_token(s, third) is None


def test_account_changes_are_audited(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "root", "admin", "longenough", actor="setup")
        auth.create_user(s, "ann", "annotator", "longenough", actor="root")
        auth.set_role(s, "ann", "lead", actor="root")
    with ws.read() as s:
        actions = list(
            s.execute(sa.select(m.AuditEvent.actor, m.AuditEvent.action).order_by(m.AuditEvent.id))
        )
    assert actions == [("setup", "user.create"), ("root", "user.create"), ("root", "user.role")]


def test_an_own_password_change_keeps_this_session_and_ends_the_others(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "ann", "annotator", "longenough")
        here = auth.create_login_session(s, "ann")
        laptop = auth.create_login_session(s, "ann")
    with pytest.raises(PermissionDenied, match="current password"):
        auth.change_own_password(ws, "ann", "wrong guess", "brand new pw", keep_token=here)
    auth.change_own_password(ws, "ann", "longenough", "brand new pw", keep_token=here)
    with ws.read() as s:
        assert auth.account_for_token(s, here) == auth.Account("ann", "annotator")
        assert auth.account_for_token(s, laptop) is None
        assert auth.authenticate(s, "ann", "brand new pw") is not None


def _fail(ws: Workspace, name: str, address: str = "10.0.0.1", times: int = 1) -> None:
    for _ in range(times):
        assert auth.log_in(ws, name, "wrong password", address=address) is None


def _age_attempts(ws: Workspace, by: timedelta) -> None:
    with ws.tx() as s:
        for row in s.scalars(sa.select(m.LoginAttempt)):
            row.at -= by


def test_logins_are_throttled_per_account(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "ann", "annotator", "longenough")
    _fail(ws, "ann", times=auth.THROTTLE_LIMIT - 1)
    # still allowed: a success clears the account's failures
    assert auth.log_in(ws, "ann", "longenough", address="10.0.0.1") is not None
    _fail(ws, "ann", address="10.0.0.2", times=auth.THROTTLE_LIMIT)
    for address in ("10.0.0.2", "10.9.9.9", ""):  # the account is locked from anywhere
        with pytest.raises(auth.LoginThrottled, match="for this account: try again in 15 minutes"):
            auth.log_in(ws, "ann", "longenough", address=address)
    _age_attempts(ws, timedelta(minutes=10))
    with pytest.raises(auth.LoginThrottled, match="try again in 5 minutes"):
        auth.log_in(ws, "ann", "longenough")
    _age_attempts(ws, timedelta(minutes=6))  # the failures left the window
    assert auth.log_in(ws, "ann", "longenough") == auth.Account("ann", "annotator")
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.LoginAttempt.id))) == 0


def test_logins_are_throttled_per_address_and_for_unknown_names(ws: Workspace) -> None:
    with ws.tx() as s:
        auth.create_user(s, "ann", "annotator", "longenough")
    for i in range(auth.THROTTLE_LIMIT):  # one guess each at many names
        _fail(ws, f"guess{i}", address="203.0.113.7")
    with pytest.raises(auth.LoginThrottled, match="from this address"):
        auth.log_in(ws, "ann", "longenough", address="203.0.113.7")
    # another address is not affected
    assert auth.log_in(ws, "ann", "longenough", address="198.51.100.1") is not None
    _fail(ws, "nobody", address="", times=auth.THROTTLE_LIMIT)
    with pytest.raises(auth.LoginThrottled, match="for this account"):
        auth.log_in(ws, "nobody", "anything", address="198.51.100.2")
