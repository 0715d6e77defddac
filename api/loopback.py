"""Serve an app on a free loopback port and announce the port in a file once it listens
(for tests and benchmarks that run the server in a child process)."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Any


def serve_announcing(app: Any, port_file: str, **config: Any) -> None:
    """Run ``app`` with uvicorn on 127.0.0.1 (a free port; TCP_NODELAY via IPPROTO_TCP)
    and write the port to ``port_file`` when the server has started."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", **config))

    def announce() -> None:
        while not server.started:
            time.sleep(0.05)
        Path(port_file + ".tmp").write_text(str(sock.getsockname()[1]))
        os.replace(port_file + ".tmp", port_file)

    threading.Thread(target=announce, daemon=True).start()
    server.run(sockets=[sock])
