"""Users, roles, API tokens and the append-only audit log."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from qualcode.errors import AuthError, ConflictError, ForbiddenError, InputError, NotFoundError
from qualcode.project.auth import (
    ROLES,
    audit,
    audit_log,
    authenticate,
    create_admin,
    create_user,
    issue_token,
    list_tokens,
    list_users,
    require,
    revoke_token,
    set_disabled,
    set_roles,
)
from qualcode.store import Store


def test_token_is_returned_once_and_only_its_hash_is_stored(store: Store) -> None:
    create_user(store, "Dilnoza", ["coder"])
    token = issue_token(store, "Dilnoza", "laptop")
    assert token.startswith("qc_") and len(token) > 40
    row = store.db.execute("SELECT token_hash, prefix, label FROM tokens").fetchone()
    assert row == (hashlib.sha256(token.encode()).hexdigest(), token[:8], "laptop")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [store.path, *store.path.parent.glob("qualcode.db-*")]
    data = b"".join(p.read_bytes() for p in files if p.exists())
    assert row[0].encode() in data  # the check below reads the real database bytes
    assert token.encode() not in data and token[8:].encode() not in data
    assert token not in repr(list_tokens(store)) and token not in repr(audit_log(store))


def test_authenticate_returns_the_user_and_records_the_use(store: Store) -> None:
    create_user(store, "Dilnoza", ["coder", "analyst"])
    token = issue_token(store, "Dilnoza")
    user = authenticate(store, f" {token}\n")
    assert (user.name, user.roles, user.disabled) == ("Dilnoza", ("coder", "analyst"), False)
    assert list_tokens(store, "Dilnoza")[0].last_used_at is not None


def test_a_recent_use_is_not_written_again_so_authenticating_needs_no_write_lock(
    store: Store,
) -> None:
    create_user(store, "Dilnoza", ["coder"])
    token = issue_token(store, "Dilnoza")
    authenticate(store, token)  # records the use
    store.db.execute("PRAGMA busy_timeout = 50")
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another request holds the write lock
    try:
        assert authenticate(store, token).name == "Dilnoza"  # not "database is locked"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.parametrize("token", [None, "", "  ", "qc_not-a-real-token", "Bearer x"])
def test_missing_or_unknown_tokens_are_refused(store: Store, token: str | None) -> None:
    with pytest.raises(AuthError) as err:
        authenticate(store, token)
    assert err.value.exit_code == 6


def test_revoked_token_and_disabled_user_are_refused(store: Store) -> None:
    create_user(store, "Dilnoza", ["coder"])
    first, second = issue_token(store, "Dilnoza"), issue_token(store, "Dilnoza")
    revoked = revoke_token(store, first[:8])
    assert revoked.revoked_at and revoked.user == "Dilnoza"
    with pytest.raises(AuthError, match="revoked") as err:
        authenticate(store, first)
    assert first not in str(err.value) and first[:8] not in str(err.value)
    assert authenticate(store, second).name == "Dilnoza"
    set_disabled(store, "Dilnoza", True)
    with pytest.raises(AuthError, match="disabled"):
        authenticate(store, second)
    with pytest.raises(ConflictError, match="disabled"):
        issue_token(store, "Dilnoza")
    set_disabled(store, "Dilnoza", False)
    assert authenticate(store, second).name == "Dilnoza"


def test_revoke_by_whole_token_twice_and_unknown(store: Store) -> None:
    create_user(store, "Dilnoza", ["coder"])
    token = issue_token(store, "Dilnoza")
    revoke_token(store, token)
    with pytest.raises(ConflictError, match="already revoked"):
        revoke_token(store, token[:8])
    with pytest.raises(NotFoundError) as err:
        revoke_token(store, "qc_" + "x" * 43)
    assert "x" * 43 not in str(err.value)
    with pytest.raises(NotFoundError, match="qc_zzzzz"):
        revoke_token(store, "qc_zzzzz")


def test_roles_are_required_and_admin_does_not_imply_the_others(store: Store) -> None:
    admin, token = create_admin(store, "Root")
    coder = create_user(store, "Aziz", ["coder"])
    assert authenticate(store, token).roles == ("admin",)
    require(admin, "admin")
    require(coder, "coder")
    for user, role in [(admin, "coder"), (admin, "analyst"), (coder, "researcher")]:
        with pytest.raises(ForbiddenError, match=role) as err:
            require(user, role)
        assert err.value.exit_code == 7
    with pytest.raises(ValueError, match="unknown role"):
        require(coder, "superuser")
    assert set_roles(store, "Aziz", ["analyst", "coder"]).roles == ("coder", "analyst")


def test_users_are_listed_with_roles_in_a_fixed_order(store: Store) -> None:
    create_user(store, "Aziz", ["analyst", "researcher"])
    create_user(store, "Malika", ROLES)
    users = {u.name: u.roles for u in list_users(store)}
    assert users == {"Aziz": ("researcher", "analyst"), "Malika": ROLES}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "1-64"),
        ("x" * 65, "1-64"),
        ("bad\nname", "control"),
        ("tab\there", "control"),
        ("\x1b[31mred", "control"),
        (" padded", "surrounding"),
        ("cli", "reserved"),
    ],
)
def test_bad_user_names_are_refused(store: Store, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        create_user(store, name, ["coder"])
    assert list_users(store) == []


def test_duplicate_names_and_unknown_roles_are_refused(store: Store) -> None:
    create_user(store, "Aziz", ["coder"])
    with pytest.raises(ConflictError, match="already exists"):
        create_user(store, "aziz", ["coder"])
    with pytest.raises(InputError, match="Unknown role"):
        create_user(store, "Bobur", ["coder", "boss"])
    with pytest.raises(InputError, match="at least one role"):
        create_user(store, "Bobur", [])
    with pytest.raises(NotFoundError, match="No user"):
        issue_token(store, "Nobody")


def test_create_admin_is_refused_while_an_enabled_admin_exists(store: Store) -> None:
    create_admin(store, "Root")
    with pytest.raises(ConflictError, match="already has an admin"):
        create_admin(store, "Second")
    assert [u.name for u in list_users(store)] == ["Root"]
    set_disabled(store, "Root", True)
    user, token = create_admin(store, "Second")
    assert authenticate(store, token) == user


def test_writes_are_audited_without_secrets(store: Store) -> None:
    _, token = create_admin(store, "Root")
    admin = authenticate(store, token)
    create_user(store, "Aziz", ["coder"], actor=admin)
    second = issue_token(store, "Aziz", "tablet", actor=admin)
    revoke_token(store, second[:8], actor=admin)
    entries = list(reversed(audit_log(store)))
    assert [(e["user"], e["action"]) for e in entries] == [
        ("cli", "user.create"),
        ("cli", "token.issue"),
        ("Root", "user.create"),
        ("Root", "token.issue"),
        ("Root", "token.revoke"),
    ]
    assert entries[2]["target"] == "user:Aziz" and entries[2]["detail"] == {"roles": ["coder"]}
    assert entries[3]["detail"] == {"label": "tablet", "user": "Aziz"}
    dump = repr(store.auth.audit_rows())
    assert token not in dump and second not in dump


def test_audit_refuses_secret_or_text_details(store: Store) -> None:
    for detail in ({"token": "x"}, {"text": "x"}, {"note": "y" * 300}, {"n": ["qc_" + "a" * 40]}):
        with pytest.raises(ValueError):
            audit(store, "cli", "x.test", "t", detail)
    assert store.auth.audit_rows() == []


def test_audit_log_is_append_only(store: Store) -> None:
    audit(store, "cli", "x.test", "t", {"count": 1})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE audit_log SET user = 'someone'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")
    assert [r["user"] for r in store.auth.audit_rows()] == ["cli"]
