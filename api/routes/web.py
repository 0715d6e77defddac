"""The coders' web page: sign in with a token, review the queue from the keyboard, read
the codebook and the agreement report.  Server-rendered Jinja2 templates (autoescaped)
and small static scripts that call the JSON API; nothing is fetched from elsewhere.

The sign-in cookie is HttpOnly and SameSite=Strict; writes the scripts make with it carry
``X-Requested-With: qualcode`` (``api.context.csrf_checked``).  Every page is sent with a
Content-Security-Policy that allows this origin's scripts and styles only, no inline
script, so that text from transcripts, memos or user names can never run as code.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api import i18n
from api.context import COOKIE, Access, Workspace, identify, member_of, session_of
from api.params import PathId
from qualcode.codebook import edit as codebook_edit
from qualcode.errors import AuthError, ForbiddenError, InputError, NotFoundError, QualcodeError
from qualcode.project import auth, sessions, workspace

router = APIRouter(tags=["web"], include_in_schema=False)

HERE = Path(__file__).resolve().parents[1]
STATIC = HERE / "static"
READ = ("researcher", "coder", "analyst")
MAX_TOKEN = 256
NEXT_PAGE = re.compile(
    r"^/p/[a-z0-9][a-z0-9_-]{0,62}/(review|codebook|agreement|exports|transcripts|upload"
    r"|members|codes|t/[1-9][0-9]{0,11}(/redactions)?)$"
)
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make form posts say Origin: null
    "Cache-Control": "no-store",  # pages show transcript text: keep them out of caches
}
STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["num"] = lambda v, digits=2: "-" if v is None else f"{v:.{digits}f}"


def N_(text: str) -> str:
    """Marks an English string for the catalogs (``make i18n``); pages translate it."""
    return text


REFUSED_TOKEN = N_("That token was not accepted: it is unknown, revoked, or its user is disabled.")
STATUS_WORDS = (N_("suggested"), N_("accepted"), N_("rejected"), N_("added"))


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` in the request's language (``api.i18n``): ``_("English")``
    translates in templates, ``t("English")`` in scripts."""
    lang = i18n.LANGUAGE.get()
    words = i18n.translations(lang)
    html = ENV.get_template(template).render(
        _=words.gettext,
        lang=lang,
        languages=i18n.LANGUAGES,
        script_messages=i18n.script_messages(lang),
        here=i18n.HERE.get(),
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=PAGE_HEADERS)


def project_page(template: str, access: Access, **context: Any) -> HTMLResponse:
    """``page`` for one project, seen by ``access``'s user."""
    return page(template, user=access.user, project=access.project, **context)


def error_page(status: int, title: str, message: str, user: auth.User | None) -> HTMLResponse:
    return page("error.html", status, title=title, message=message, user=user, project=None)


def _workspace(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def viewer(request: Request) -> auth.User | None:
    """The signed-in user, or None (no session, or one no longer valid)."""
    try:
        return identify(_workspace(request), request)
    except AuthError:
        return None


def _sign_in_first(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/?next={quote(request.url.path, safe='/')}", status_code=303)


class PageRefused(Exception):
    """A page's guard said no; ``response`` is what to send instead (``refused``)."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


async def refused(request: Request, err: Exception) -> Response:
    """The app's handler for ``PageRefused``: the redirect or error page it carries."""
    assert isinstance(err, PageRefused)
    return err.response


def _page_member(request: Request, project: str, roles: tuple[str, ...]) -> auth.User:
    """The signed-in user, holding one of ``roles`` and a member of ``project``; else
    ``PageRefused`` with a redirect to sign in, or a 403/404 page."""
    user = viewer(request)
    if user is None:
        raise PageRefused(_sign_in_first(request))
    if not user.has_any(roles):
        why = f"This page needs the role {' or '.join(roles)}."
        raise PageRefused(error_page(403, N_("Not for your role"), why, user))
    ws = _workspace(request)
    try:
        ws.project(project)
        member_of(ws, user, project)
    except (NotFoundError, InputError):
        missing = N_("There is no project by that name.")
        raise PageRefused(error_page(404, N_("No such project"), missing, user)) from None
    except ForbiddenError as err:
        raise PageRefused(error_page(403, N_("Not your project"), err.message, user)) from None
    return user


def page_for(*roles: str) -> Any:
    """Dependency for a project's HTML page: an ``Access`` (its store opens in the
    endpoint's thread) for a member holding one of ``roles``, else ``PageRefused``."""

    def dependency(request: Request, project: str) -> Access:
        return Access(_page_member(request, project, roles), _workspace(request), project)

    return Depends(dependency)


ReadPage = Annotated[Access, page_for(*READ)]
CoderPage = Annotated[Access, page_for("coder")]
ResearcherPage = Annotated[Access, page_for("researcher")]
ExportPage = Annotated[Access, page_for("analyst", "researcher")]


def _same_origin(request: Request) -> bool:
    """A form post from another site (login CSRF) carries that site's Origin."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _next_page(value: str) -> str:
    return value if NEXT_PAGE.match(value) else "/"


# sign in and out --------------------------------------------------------------------
@router.get("/")
def home(request: Request, next: str = "") -> Response:
    user = viewer(request)
    if user is None:
        return page("signin.html", user=None, project=None, next=_next_page(next), error=None)
    if next and _next_page(next) != "/":
        return RedirectResponse(_next_page(next), status_code=303)
    ws = _workspace(request)
    projects = workspace.projects_of(ws.home, user, ws.project_names())
    return page("home.html", user=user, project=None, projects=projects)


@router.post("/")
def sign_in(
    request: Request, token: str = Form(default=""), next: str = Form(default="")
) -> Response:
    if not _same_origin(request):
        return error_page(403, N_("Refused"), N_("Sign in from this server's own page."), None)
    token = token.strip()
    try:
        if not token or len(token) > MAX_TOKEN:
            raise AuthError("No usable token.")
        session, _ = sessions.start_session(_workspace(request).home, token)
    except AuthError:
        return page(
            "signin.html",
            401,
            user=None,
            project=None,
            next=_next_page(next),
            error=N_(
                "That token was not accepted: it is unknown, revoked, or its user is disabled."
            ),
        )
    response = RedirectResponse(_next_page(next), status_code=303)
    response.set_cookie(
        COOKIE,
        session,
        max_age=int(sessions.SESSION_TTL.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/signout")
def sign_out(request: Request) -> Response:
    if not _same_origin(request):
        return error_page(403, N_("Refused"), N_("Sign out from this server's own page."), None)
    sessions.end_session(_workspace(request).home, session_of(request))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.post("/language")
def choose_language(
    request: Request, language: str = Form(default=""), back: str = Form(default="/")
) -> Response:
    """The language switcher in the page header: remembered in a cookie for a year."""
    if not _same_origin(request):
        return error_page(
            403, N_("Refused"), N_("Change the language from this server's own page."), None
        )
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    if language in i18n.LANGUAGES:
        response.set_cookie(
            i18n.LANG_COOKIE, language, max_age=365 * 86400, samesite="strict", path="/"
        )
    return response


# project pages ----------------------------------------------------------------------
@router.get("/p/{project}/review")
def review_page(access: CoderPage) -> Response:
    return project_page("review.html", access)


@router.get("/p/{project}/t")
def first_document(access: ReadPage) -> Response:
    """The workbench at the project's first transcript."""
    rows = access.store.transcripts.transcripts(text=False)
    if not rows:
        return error_page(
            404, "No transcripts", "This project has no transcripts yet.", access.user
        )
    return RedirectResponse(f"/p/{access.project}/t/{rows[0]['id']}", status_code=303)


@router.get("/p/{project}/t/{tid}")
def document_page(access: ReadPage, tid: PathId) -> Response:
    """The workbench: one transcript with its codes in place (``workbench.js``)."""
    user = access.user
    titles = {t["id"]: t["title"] for t in access.store.transcripts.transcripts(text=False)}
    if tid not in titles:
        return error_page(404, "No such transcript", "There is no transcript by that id.", user)
    return project_page(
        "workbench.html", access, tid=tid, titles=titles, can_code=user.has("coder"),
        can_edit_codes=user.has("researcher"),
    )  # fmt: skip


@router.get("/p/{project}/codes")
def code_tree_page(access: ReadPage) -> Response:
    """The code tree with counts and colours; researchers rename and merge from it."""
    return project_page("codetree.html", access, can_edit=access.user.has("researcher"))


@router.get("/p/{project}/codebook")
def codebook_page(access: ReadPage) -> Response:
    codes = codebook_edit.list_codes(access.store, include_inactive=True)
    active = [c for c in codes if c.status == "active"]
    inactive = [c for c in codes if c.status != "active"]
    return project_page("codebook.html", access, active=active, inactive=inactive)


@router.get("/p/{project}/agreement")
def agreement_page(access: ReadPage) -> Response:
    from qualcode.coding.trust import report_dict, trust_report

    try:
        report, problem = report_dict(trust_report(access.store)), None
    except QualcodeError as err:  # e.g. no decisions yet
        report, problem = None, err.message + (f" {err.hint}" if err.hint else "")
    return project_page("agreement.html", access, report=report, problem=problem)


@router.get("/p/{project}/exports")
def exports_page(access: ExportPage) -> Response:
    from qualcode.review.selection import COUNTED, choices

    return project_page("exports.html", access, choices=choices(access.store), counted=COUNTED)


# static files -----------------------------------------------------------------------
def _load_static() -> dict[str, tuple[bytes, str, str]]:
    """name -> (content, media type, version): the shipped files, read once.  Served
    from memory by an async route, so they never take a worker thread (see ``static``)."""
    files = {}
    for path in sorted(STATIC.iterdir()):
        kind = STATIC_TYPES.get(path.suffix)
        if kind and path.is_file() and not path.name.startswith("."):
            data = path.read_bytes()
            files[path.name] = (data, kind, hashlib.sha256(data).hexdigest()[:12])
    return files


STATIC_FILES = _load_static()


def static_url(name: str) -> str:
    """The file's URL with its content hash, so browsers may cache it for a day."""
    return f"/static/{name}?v={STATIC_FILES[name][2]}"


ENV.globals["static_url"] = static_url


@router.get("/static/{name}")
async def static(name: str) -> Response:
    """Only the files shipped in ``api/static``, by name (no paths)."""
    found = STATIC_FILES.get(name)
    if found is None:
        return Response("Not found", status_code=404, media_type="text/plain")
    data, kind, _ = found
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=86400"}
    return Response(data, media_type=kind, headers=headers)
