"""Accounts and roles. Passwords are hashed with Argon2id (argon2-cffi); nothing else is stored."""

from __future__ import annotations

import hashlib
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from curation.store.db import Workspace
from curation.store.models import LoginAttempt, LoginSession, User, utcnow

ROLES = ("annotator", "lead", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}
MIN_PASSWORD = 8
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()
# Verified against when the user does not exist, so a login takes as long either way.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


@dataclass(frozen=True, slots=True)
class Account:
    """What the app keeps about the logged-in user: no hash, no ORM object."""

    name: str
    role: str

    def can(self, role: str) -> bool:
        """True if this account has at least ``role``'s rights (admin ⊇ lead ⊇ annotator)."""
        return RANK[self.role] >= RANK[role]


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    return role


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InputError(
            f"user name {name!r} must start with a letter or digit and use only letters, digits, . _ @ -"
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(
    session: Session, name: str, role: str, password: str, *, actor: str = "cli"
) -> Account:
    check_name(name)
    check_role(role)
    check_password(password)
    if session.scalar(sa.select(User.id).where(User.name == name)) is not None:
        raise ConflictError(f"a user named {name!r} already exists")
    session.add(User(name=name, role=role, password_hash=_hasher.hash(password)))
    session.flush()
    log_event(session, actor, "user.create", "user", name, role=role)
    return Account(name, role)


def authenticate(session: Session, name: str, password: str) -> Account | None:
    """The account if the password matches and the account is enabled; None otherwise.

    Not throttled: a login or a password change goes through :func:`log_in`.
    """
    user = session.scalar(sa.select(User).where(User.name == name))
    if not _verify_hash(user.password_hash if user else _DUMMY_HASH, password):
        return None
    if user is None or user.disabled:
        return None
    return Account(user.name, user.role)


def current_account(session: Session, name: str) -> Account | None:
    """Re-read an account on every page run, so a disabled or demoted user loses access at once."""
    user = session.scalar(sa.select(User).where(User.name == name))
    if user is None or user.disabled:
        return None
    return Account(user.name, user.role)


def list_users(session: Session) -> list[User]:
    return list(session.scalars(sa.select(User).order_by(User.name)))


def user_count(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count(User.id))) or 0


def _get(session: Session, name: str) -> User:
    user = session.scalar(sa.select(User).where(User.name == name))
    if user is None:
        raise NotFoundError(f"no user named {name!r}")
    return user


def set_role(session: Session, name: str, role: str, *, actor: str) -> None:
    check_role(role)
    user = _get(session, name)
    if user.role == "admin" and role != "admin":
        _keep_one_admin(session, name)
    old, user.role = user.role, role
    log_event(session, actor, "user.role", "user", name, old=old, new=role)


def set_password(
    session: Session, name: str, password: str, *, actor: str, keep_token: str | None = None
) -> None:
    """Set a password (an admin's reset, or ``users passwd``): the user's browser sessions end,
    all but ``keep_token``'s, and the account's failed logins are forgotten (it is unlocked)."""
    check_password(password)
    _store_password(session, name, _hasher.hash(password), actor=actor, keep_token=keep_token)


def _store_password(
    session: Session, name: str, hashed: str, *, actor: str, keep_token: str | None
) -> None:
    _get(session, name).password_hash = hashed
    revoke_all_sessions(session, name, keep_token=keep_token)
    _clear_failures(session, name)
    log_event(session, actor, "user.password", "user", name)


def set_disabled(session: Session, name: str, disabled: bool, *, actor: str) -> None:
    user = _get(session, name)
    if disabled and user.role == "admin":
        _keep_one_admin(session, name)
    user.disabled = disabled
    if disabled:
        revoke_all_sessions(session, name)
    else:  # a re-enabled account starts with a clean slate
        _clear_failures(session, name)
    log_event(session, actor, "user.disable" if disabled else "user.enable", "user", name)


def _keep_one_admin(session: Session, name: str) -> None:
    others = session.scalar(
        sa.select(sa.func.count(User.id)).where(
            User.role == "admin", User.name != name, User.disabled.is_(False)
        )
    )
    if not others:
        raise PermissionDenied("this is the last active admin; make another admin first")


def require(account: Account | None, role: str) -> Account:
    """Raise PermissionDenied unless the account has at least ``role``."""
    if account is None:
        raise PermissionDenied("log in first")
    if not account.can(role):
        raise PermissionDenied(f"this needs the {role} role; {account.name} is {account.role}")
    return account


SESSION_TTL = timedelta(hours=12)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_login_session(session: Session, name: str, ttl: timedelta = SESSION_TTL) -> str:
    """A new random token for a browser cookie; the store keeps only its hash."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        LoginSession(
            token_hash=_token_hash(token), user_name=name, created_at=now, expires_at=now + ttl
        )
    )
    return token


def account_for_token(session: Session, token: str) -> Account | None:
    """The account behind a cookie token, if the token is known, unexpired, unrevoked and the user enabled."""
    if not token or len(token) > 200:
        return None
    row = session.scalar(
        sa.select(LoginSession).where(LoginSession.token_hash == _token_hash(token))
    )
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    return current_account(session, row.user_name)


def revoke_login_session(session: Session, token: str) -> None:
    row = session.scalar(
        sa.select(LoginSession).where(LoginSession.token_hash == _token_hash(token))
    )
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


def revoke_all_sessions(session: Session, name: str, *, keep_token: str | None = None) -> None:
    """End every browser session of a user (on disable or password change), but ``keep_token``'s."""
    query = sa.update(LoginSession).where(
        LoginSession.user_name == name, LoginSession.revoked_at.is_(None)
    )
    if keep_token:
        query = query.where(LoginSession.token_hash != _token_hash(keep_token))
    session.execute(query.values(revoked_at=utcnow()))


# --------------------------------------------------------------------------- throttling

THROTTLE_WINDOW = timedelta(minutes=15)
THROTTLE_LIMIT = 5  # password checks that failed, per account and per address, within the window


class LoginThrottled(PermissionDenied):
    """Too many failed logins for this account or from this address; wait and try again."""


def log_in(ws: Workspace, name: str, password: str, *, address: str = "") -> Account | None:
    """Check a login: the account, or None for a wrong name or password.

    After :data:`THROTTLE_LIMIT` failures within :data:`THROTTLE_WINDOW` for an account,
    or from one address, further attempts are refused with :class:`LoginThrottled`
    (without checking the password) until the oldest of those failures leaves the window
    or an admin unlocks the account (:func:`unlock`) or sets its password.

    Each attempt first reserves its place as a failure (a row of ``login_attempts``) in a
    short transaction that counts and inserts under one lock, so concurrent guesses never
    check more than the limit, in any number of app processes. The password is verified
    outside any transaction (Argon2 is slow by design and must not hold SQLite's write
    lock); a success then deletes its account's rows.
    """
    name = name[:200]
    address = address[:100]
    with ws.read() as s:  # a throttled client is refused without a write
        _check_throttle(s, name, address, utcnow())
    _reserve_attempt(ws, name, address)
    with ws.read() as s:
        user = s.execute(
            sa.select(User.password_hash, User.role, User.disabled).where(User.name == name)
        ).one_or_none()
    if not _verify_hash(user.password_hash if user else _DUMMY_HASH, password):
        return None
    if user is None or user.disabled:
        return None
    with ws.tx() as s:
        _clear_failures(s, name)  # this attempt's reservation too
    return Account(name, user.role)


def change_own_password(
    ws: Workspace,
    name: str,
    current: str,
    new: str,
    *,
    keep_token: str | None,
    address: str = "",
) -> None:
    """A user's own change: the current password is checked like a login (a wrong one counts
    as a failed login, and a throttled account cannot try); other sessions end."""
    check_password(new)
    if log_in(ws, name, current, address=address) is None:
        raise PermissionDenied("the current password is wrong; nothing was changed")
    hashed = _hasher.hash(new)
    with ws.tx() as s:
        _store_password(s, name, hashed, actor=name, keep_token=keep_token)


def unlock(session: Session, name: str, *, actor: str, address: str | None = None) -> int:
    """Forget the failed logins of account ``name`` (and of ``address``, if given), so both may
    log in again at once; the number of failures forgotten."""
    condition = LoginAttempt.user_name == name
    if address:
        condition = sa.or_(condition, LoginAttempt.address == address[:100])
    result = session.execute(sa.delete(LoginAttempt).where(condition))
    removed = result.rowcount or 0  # type: ignore[attr-defined]
    log_event(session, actor, "user.unlock", "user", name, address=address, failures=removed)
    return int(removed)


def failed_logins(session: Session) -> dict[str, int]:
    """Failures within the window per account name (those at the limit are locked)."""
    since = utcnow() - THROTTLE_WINDOW
    rows = session.execute(
        sa.select(LoginAttempt.user_name, sa.func.count(LoginAttempt.id))
        .where(LoginAttempt.at > since)
        .group_by(LoginAttempt.user_name)
    )
    return {str(user): int(count) for user, count in rows}


def _verify_hash(stored: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def _clear_failures(session: Session, name: str) -> None:
    session.execute(sa.delete(LoginAttempt).where(LoginAttempt.user_name == name))


def _check_throttle(session: Session, name: str, address: str, now: datetime) -> None:
    since = now - THROTTLE_WINDOW
    checks = [(LoginAttempt.user_name == name, "for this account")]
    if address:
        checks.append((LoginAttempt.address == address, "from this address"))
    for condition, what in checks:
        count, oldest = session.execute(
            sa.select(sa.func.count(LoginAttempt.id), sa.func.min(LoginAttempt.at)).where(
                condition, LoginAttempt.at > since
            )
        ).one()
        if count >= THROTTLE_LIMIT:
            wait = max(1, math.ceil((oldest + THROTTLE_WINDOW - now).total_seconds() / 60))
            raise LoginThrottled(
                f"Too many failed logins {what}: try again in {wait} minute"
                f"{'s' if wait != 1 else ''}, or ask an admin to unlock the account."
            )


def _reserve_attempt(ws: Workspace, name: str, address: str) -> None:
    """Count and record one attempt atomically: SQLite's write lock (``BEGIN IMMEDIATE``)
    serialises this already; PostgreSQL takes a transaction-scoped advisory lock per account
    and per address (in a fixed order, so two attempts cannot deadlock)."""
    with ws.tx() as s:
        if not ws.is_sqlite:
            keys = sorted(
                {_lock_key("account", name), *([_lock_key("address", address)] if address else [])}
            )
            for key in keys:
                s.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
        now = utcnow()
        _check_throttle(s, name, address, now)
        s.execute(sa.delete(LoginAttempt).where(LoginAttempt.at < now - 4 * THROTTLE_WINDOW))
        s.add(LoginAttempt(at=now, user_name=name, address=address))


def _lock_key(kind: str, value: str) -> int:
    digest = hashlib.sha256(f"curation.login.{kind}:{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
