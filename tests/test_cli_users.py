"""The ``users`` and ``token`` commands: tokens printed once, writes audited, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.project.auth import audit_log, authenticate
from qualcode.project.workspace import members_of
from qualcode.store import Store

runner = CliRunner()


def _invoke(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def _token(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("qc_"))


def test_users_and_tokens_from_the_command_line(tmp_path: Path) -> None:
    proj = str(tmp_path / "p")
    _invoke("init", proj)
    admin_token = _token(_invoke("users", "create-admin", "Root", "-p", proj))
    assert "already has an admin" in _invoke("users", "create-admin", "Other", "-p", proj, code=4)
    out = _invoke("users", "add", "Aziz", "--role", "coder", "--role", "analyst", "-p", proj)
    assert "Added Aziz (coder, analyst)" in out
    _invoke("users", "add", "Aziz", "--role", "coder", "-p", proj, code=4)
    assert "Unknown role" in _invoke("users", "add", "Bo", "--role", "boss", "-p", proj, code=2)
    _invoke("users", "add", "bad\x07", "--role", "coder", "-p", proj, code=2)
    listed = _invoke("users", "list", "-p", proj)
    assert "Root" in listed and "coder,analyst" in listed

    token = _token(_invoke("token", "new", "Aziz", "--label", "laptop", "-p", proj))
    tokens = _invoke("token", "list", "-p", proj)
    assert token[:8] in tokens and token not in tokens and admin_token not in tokens
    _invoke("token", "new", "Nobody", "-p", proj, code=3)
    assert f"Revoked token {token[:8]} of Aziz" in _invoke("token", "revoke", token[:8], "-p", proj)
    _invoke("token", "revoke", token[:8], "-p", proj, code=4)
    _invoke("token", "revoke", "qc_nope1", "-p", proj, code=3)

    store = Store(Path(proj))
    assert authenticate(store, admin_token).name == "Root"
    entries = audit_log(store)
    assert {e["user"] for e in entries} == {"cli"} and entries[0]["action"] == "token.revoke"
    log = (Path(proj) / "qualcode.log").read_text(encoding="utf-8")
    assert token not in log and admin_token not in log
    store.close()


def test_disabled_user_and_missing_project(tmp_path: Path) -> None:
    proj = str(tmp_path / "p")
    _invoke("init", proj)
    _invoke("users", "add", "Aziz", "--role", "coder", "-p", proj)
    token = _token(_invoke("token", "new", "Aziz", "-p", proj))
    assert "Disabled Aziz" in _invoke("users", "disable", "Aziz", "-p", proj)
    assert "disabled" in _invoke("users", "list", "-p", proj)
    _invoke("token", "new", "Aziz", "-p", proj, code=4)
    _invoke("users", "enable", "Aziz", "-p", proj)
    assert "researcher" in _invoke("users", "roles", "Aziz", "--role", "researcher", "-p", proj)
    store = Store(Path(proj))
    assert authenticate(store, token).roles == ("researcher",)
    store.close()
    _invoke("users", "list", "-p", str(tmp_path / "none"), code=3)


def test_the_readmes_team_setup_works_from_an_empty_folder(tmp_path: Path) -> None:
    """Every `qualcode` line of the README's service section, as written, in a new folder
    (``serve`` only checked to find the workspace: it would block)."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The review service", 1)[1].split("```sh", 1)[1].split("```")[0]
    lines = [ln.split("#")[0].split() for ln in section.splitlines() if ln.startswith("qualcode")]
    assert lines[-1][:2] == ["qualcode", "serve"] and len(lines) >= 8
    ws = tmp_path / "workspace"
    for words in lines[:-1]:
        args = [str(tmp_path / w) if w.startswith("workspace/") else w for w in words[1:]]
        _invoke(*args)
    home = Store(ws)
    assert [m.name for m in members_of(home, "demo")] == ["cem", "rita"]
    home.close()
    assert "no longer" in _invoke("members", "remove", "cem", "demo", "-p", str(ws))
    assert "not a member" in _invoke("members", "remove", "cem", "demo", "-p", str(ws), code=3)
    assert "No project named" in _invoke("members", "add", "cem", "nope", "-p", str(ws), code=3)
    assert "demo" in _invoke("members", "list", "-p", str(ws))


def test_version() -> None:
    from qualcode import __version__

    assert _invoke("--version").strip() == f"qualcode {__version__}"
