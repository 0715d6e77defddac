"""qualcode's HTTP API and coders' web page: a thin FastAPI layer over the library.

``create_app(workspace)`` builds the app; ``qualcode serve`` runs it with uvicorn.
Routes call ``qualcode`` functions and never hold SQL; library exceptions become HTTP
status codes in one handler (``api.errors``).
"""

from api.app import create_app

__all__ = ["create_app"]
