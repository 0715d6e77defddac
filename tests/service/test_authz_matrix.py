"""Who may call what: every operation of ``api/openapi.json`` x every kind of caller x a
project they belong to and one they don't.

``OPERATIONS`` is written out by hand from the routes (not computed from their
dependencies), so a changed dependency fails here; a new route fails
``test_the_table_covers_every_operation`` until it is added.  Expected:

* no credentials: 401;
* a role the operation does not allow: 403;
* an allowed role on a project the caller is not a member of: 403 (as for a wrong
  role: the answer does not tell an outsider more than a wrong role would);
* an allowed role, and a member where the operation is a project's: anything but
  401/403 (the request may still be refused for what it asks: 404, 409, 422).

The callers: no token; admin (admin only, member of nothing); rita (researcher), cem
(coder) and ana (analyst), members of ``demo``; olga, holding all three project roles
but a member of no project.  ``other`` is a project with no members among them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from api import create_app
from api.schema import SCHEMA
from fastapi.testclient import TestClient

from conftest import fake_parts
from helpers import Team
from qualcode.project import auth, workspace
from qualcode.store import Store

RESEARCHER, CODER, ANALYST, ADMIN = "researcher", "coder", "analyst", "admin"
ANYONE = frozenset({RESEARCHER, CODER, ANALYST, ADMIN})
READ = frozenset({RESEARCHER, CODER, ANALYST})
EXPORT = frozenset({ANALYST, RESEARCHER})
REVIEW = frozenset({CODER, RESEARCHER})
ONLY = {role: frozenset({role}) for role in (RESEARCHER, CODER, ANALYST, ADMIN)}
MEMBERS, ANY_PROJECT = True, False  # whether the caller must belong to the path's project
MANAGE = "manage"  # an admin anywhere, or a researcher who belongs to the project

P = "/api/projects/{project}"
# (method, path) -> (roles allowed, members only?, JSON body or None)
OPERATIONS: dict[tuple[str, str], tuple[frozenset[str], bool, Any]] = {
    ("GET", "/api/me"): (ANYONE, ANY_PROJECT, None),
    ("GET", "/api/projects"): (ANYONE, ANY_PROJECT, None),
    ("POST", "/api/projects"): (ONLY[RESEARCHER], ANY_PROJECT, {"name": "made-here"}),
    ("GET", "/api/users"): (ONLY[ADMIN], ANY_PROJECT, None),
    ("POST", "/api/users"): (ONLY[ADMIN], ANY_PROJECT, {"name": "newbie", "roles": [CODER]}),
    ("POST", "/api/users/{name}/tokens"): (ONLY[ADMIN], ANY_PROJECT, {"label": "matrix"}),
    ("DELETE", "/api/tokens/{prefix}"): (ONLY[ADMIN], ANY_PROJECT, None),
    ("GET", "/api/audit"): (ONLY[ADMIN], ANY_PROJECT, None),
    ("GET", f"{P}/members"): (ONLY[RESEARCHER] | ONLY[ADMIN], MANAGE, None),
    ("POST", f"{P}/members"): (ONLY[RESEARCHER] | ONLY[ADMIN], MANAGE, {"user": "nobody-here"}),
    ("DELETE", f"{P}/members/{{user}}"): (ONLY[RESEARCHER] | ONLY[ADMIN], MANAGE, None),
    ("POST", "/api/me/language"): (ANYONE, ANY_PROJECT, {"language": "en"}),
    ("GET", f"{P}/transcripts/{{tid}}/document"): (READ, MEMBERS, None),
    ("GET", f"{P}/memos"): (READ, MEMBERS, None),
    ("POST", f"{P}/memos"): (
        REVIEW,
        MEMBERS,
        {"target": "project", "target_id": "", "text": "A memo from the matrix test."},
    ),
    ("PATCH", f"{P}/memos/{{memo_id}}"): (REVIEW, MEMBERS, {"text": "Edited."}),
    ("DELETE", f"{P}/memos/{{memo_id}}"): (REVIEW, MEMBERS, None),
    ("PUT", f"{P}/segments/{{segment_id}}/flag"): (REVIEW, MEMBERS, None),
    ("DELETE", f"{P}/segments/{{segment_id}}/flag"): (REVIEW, MEMBERS, None),
    ("GET", f"{P}/flags"): (READ, MEMBERS, None),
    ("GET", f"{P}/progress"): (READ, MEMBERS, None),
    ("GET", f"{P}/codebook/tree"): (READ, MEMBERS, None),
    ("GET", f"{P}/agreement"): (READ, MEMBERS, None),
    ("GET", f"{P}/codebook"): (READ, MEMBERS, None),
    ("GET", f"{P}/codebook/diagnostics"): (READ, MEMBERS, None),
    ("GET", f"{P}/codebook/{{code_id}}/history"): (READ, MEMBERS, None),
    ("GET", f"{P}/exports/{{kind}}"): (EXPORT, MEMBERS, None),
    ("GET", f"{P}/jobs/{{job_id}}"): (READ, MEMBERS, None),
    ("GET", f"{P}/search"): (READ, MEMBERS, None),
    ("GET", f"{P}/segments"): (READ, MEMBERS, None),
    ("GET", f"{P}/segments/{{segment_id}}"): (READ, MEMBERS, None),
    ("GET", f"{P}/themes"): (READ, MEMBERS, None),
    ("GET", f"{P}/themes/distribution"): (READ, MEMBERS, None),
    ("GET", f"{P}/transcripts"): (READ, MEMBERS, None),
    ("GET", f"{P}/queue"): (ONLY[CODER], MEMBERS, None),
    ("GET", f"{P}/queue/progress"): (ONLY[CODER], MEMBERS, None),
    ("POST", f"{P}/bulk-accept"): (ONLY[CODER], MEMBERS, {"min_score": 0.99}),
    ("POST", f"{P}/segments/{{segment_id}}/decisions"): (
        ONLY[CODER],
        MEMBERS,
        {"code_id": "zz_none", "action": "accept"},
    ),
    ("POST", f"{P}/decisions/{{event_id}}/undo"): (REVIEW, MEMBERS, None),
    ("POST", f"{P}/codebook"): (
        ONLY[RESEARCHER],
        MEMBERS,
        {"id": "matrix_code", "label": "Matrix", "definition": "Made by the matrix test."},
    ),
    ("POST", f"{P}/codebook/import-qdc"): (ONLY[RESEARCHER], MEMBERS, None),
    ("POST", f"{P}/codebook/merge"): (
        ONLY[RESEARCHER],
        MEMBERS,
        {"source": "zz_none", "target": "zz_other"},
    ),
    ("PATCH", f"{P}/codebook/{{code_id}}"): (
        ONLY[RESEARCHER],
        MEMBERS,
        {"changes": {"label": "x"}, "expected_version": 1},
    ),
    ("POST", f"{P}/codebook/{{code_id}}/retire"): (ONLY[RESEARCHER], MEMBERS, {}),
    ("POST", f"{P}/codebook/{{code_id}}/restore"): (ONLY[RESEARCHER], MEMBERS, {}),
    ("POST", f"{P}/process"): (ONLY[RESEARCHER], MEMBERS, None),
    ("POST", f"{P}/themes/refit"): (ONLY[RESEARCHER], MEMBERS, None),
    ("POST", f"{P}/themes/{{topic_id}}/adopt"): (ONLY[RESEARCHER], MEMBERS, {}),
    ("POST", f"{P}/transcripts"): (ONLY[RESEARCHER], MEMBERS, None),
    ("GET", f"{P}/transcripts/{{tid}}/redactions"): (ONLY[RESEARCHER], MEMBERS, None),
    ("POST", f"{P}/transcripts/{{tid}}/redactions"): (
        ONLY[RESEARCHER],
        MEMBERS,
        {"text": "Zebedee"},
    ),
    ("POST", f"{P}/transcripts/{{tid}}/redactions/{{pseudonym}}/release"): (
        ONLY[RESEARCHER],
        MEMBERS,
        {"original": "Zebedee"},
    ),
}
# path values: ids that need not exist (a 404 is an allowed caller's answer too); a
# token prefix that matches no token, so no caller's token is ever revoked
VALUES = {
    "name": "ana",
    "prefix": "qc_fake0",
    "code_id": "zz_none",
    "kind": "csv",
    "job_id": "1",
    "segment_id": "1",
    "event_id": "999999",
    "topic_id": "999",
    "tid": "999999",
    "pseudonym": quote("[PERSON_1]"),
    "memo_id": "999999",
    "user": "nobody-here",  # no member is ever removed
}
QUERIES = {f"{P}/search": {"q": "work"}}
CALLERS: dict[str | None, tuple[str, ...]] = {
    None: (),
    "admin": (ADMIN,),
    "rita": (RESEARCHER,),
    "cem": (CODER,),
    "ana": (ANALYST,),
    "olga": (RESEARCHER, CODER, ANALYST),
}
MEMBERSHIP = {"demo": {"rita", "cem", "ana"}, "other": set()}


def expected(op: tuple[str, str], caller: str | None, project: str) -> str:
    roles, members_only, _ = OPERATIONS[op]
    if caller is None:
        return "401"
    if not roles & set(CALLERS[caller]):
        return "403"
    if members_only == MANAGE:
        return "allowed" if ADMIN in CALLERS[caller] or caller in MEMBERSHIP[project] else "403"
    if members_only and caller not in MEMBERSHIP[project]:
        return "403"
    return "allowed"


def outcome(status: int) -> str:
    return str(status) if status in (401, 403) else "allowed"


@pytest.fixture(scope="module")
def setup(module_team: Team) -> Iterator[tuple[TestClient, Team]]:
    team, root = module_team, module_team.root
    home = Store(root)
    auth.create_user(home, "olga", [RESEARCHER, CODER, ANALYST])
    team.tokens["olga"] = auth.issue_token(home, "olga", "tests")
    workspace.create_project(home, root / "projects" / "other", "cli").close()
    home.close()
    # jobs wait in their queue (no background work); refit and diagnostics use the fake
    app = create_app(root, run_jobs=False, parts_for=fake_parts)
    with TestClient(app) as client:
        yield client, team


def test_the_table_covers_every_operation() -> None:
    paths = json.loads(SCHEMA.read_text(encoding="utf-8"))["paths"]
    documented = {(m.upper(), path) for path, ops in paths.items() for m in ops}
    assert documented == set(OPERATIONS), (
        f"not in the table: {sorted(documented - set(OPERATIONS))}; "
        f"no longer in the schema: {sorted(set(OPERATIONS) - documented)}"
    )


@pytest.mark.parametrize("op", list(OPERATIONS), ids=" ".join)
def test_who_may_call_it(op: tuple[str, str], setup: tuple[TestClient, Team]) -> None:
    client, team = setup
    method, template = op
    body = OPERATIONS[op][2]
    projects = ("demo", "other") if "{project}" in template else ("demo",)
    wrong = []
    for project in projects:
        url = template.format(**VALUES, project=project)
        for caller in CALLERS:
            headers = team.headers(caller) if caller else {}
            response = client.request(
                method, url, headers=headers, json=body, params=QUERIES.get(template)
            )
            want, got = expected(op, caller, project), outcome(response.status_code)
            if got != want:
                wrong.append(f"{caller or 'no token'} on {project}: {response.status_code}")
    assert not wrong, f"{method} {template}: expected otherwise for " + "; ".join(wrong)
