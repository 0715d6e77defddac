"""Schemathesis against a live loopback server: every operation of the committed schema
(``api/openapi.json``, kept current by ``test_openapi.py``) with generated requests, as a
researcher and as a coder (``RUNS``).  Each answer must be no server error, with a status code, a
content type and a body the schema documents, and a 405's ``Allow`` must list the
path's documented methods.

Bounded: ``EXAMPLES`` generated cases per operation and run (plus Schemathesis's
coverage cases), deterministic (``derandomize``), so a run is repeatable.  The server
works on a copy of the test workspace; what the requests change there is thrown away.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from api.schema import SCHEMA
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from slow_parts import ServerProcess

from helpers import Team

EXAMPLES = 10
# (who, project): rita (researcher) and cem (coder) reach every project route between
# them.  Generated project names almost never name a project, so the routes' own work
# is reached by pinning {project} to demo; rita also runs with generated names (404s,
# and the projects her generated POST /api/projects creates, of which she is a member).
RUNS = [("rita", None), ("rita", "demo"), ("cem", "demo")]
# operations that take nothing but {project} and do seconds of work on demo (fitting
# topics, embedding the codebook): the same request again and again finds nothing
# new, so each run pins only its first case of them to demo
ONCE = {"/api/projects/{project}/themes/refit", "/api/projects/{project}/codebook/diagnostics"}
pinned: set[tuple[str, str]] = set()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    allow_header_conformance,
]

schema = schemathesis.openapi.from_path(SCHEMA)


@pytest.fixture(scope="module")
def live(module_team: Team) -> Iterator[tuple[str, Team]]:
    server = ServerProcess(module_team.root, module_team.root.parent / "server.log")
    try:
        yield server.url, module_team
    finally:
        server.stop()


@pytest.mark.schemathesis
@pytest.mark.parametrize(("who", "project"), RUNS, ids=["rita-any", "rita-demo", "cem-demo"])
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(
    case: schemathesis.Case, who: str, project: str | None, live: tuple[str, Team]
) -> None:
    url, team = live
    if project is not None and "project" in (case.path_parameters or {}) and pin(case, who):
        case.path_parameters = {**(case.path_parameters or {}), "project": project}
    case.call_and_validate(base_url=url, headers=team.headers(who), checks=CHECKS, timeout=60)


def pin(case: schemathesis.Case, who: str) -> bool:
    """Whether to pin this case's project (always, but for ``ONCE`` after the first)."""
    path = case.operation.path
    if path not in ONCE:
        return True
    first = (who, f"{case.method} {path}") not in pinned
    pinned.add((who, f"{case.method} {path}"))
    return first
