"""A real server in a child process, for tests that must kill it (``test_crash.py``).

``start(root, port_file, delay)`` runs uvicorn over ``api.create_app(root)`` on a free
loopback port (written to ``port_file`` once listening) with the fake embedder of
``conftest.fake_parts``, slowed to ``delay`` seconds per batch, so a processing job is
still running when the test kills the process.  ``ServerProcess`` launches it with
``sys.executable -c``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from helpers import REPO, HashEmbedder
from qualcode.pipeline.components import Components, default_components
from qualcode.settings import Settings
from qualcode.store import Store

HERE = Path(__file__).resolve().parent


class SlowEmbedder(HashEmbedder):
    """``HashEmbedder`` (same model id, so stored vectors are reused) that sleeps
    ``delay`` seconds before each batch it encodes."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        if len(texts):
            time.sleep(self.delay)
        return super().encode(texts, progress=progress)


def parts_for(delay: float) -> Callable[[Store], Components]:
    def parts(store: Store) -> Components:
        embedder = SlowEmbedder(delay) if delay > 0 else HashEmbedder()
        return default_components(
            Settings.from_strings(store.settings.settings()), embedder=embedder
        )

    return parts


def start(root: str, port_file: str, delay: float) -> None:
    """Serve the workspace at ``root`` until killed (run in the child process)."""
    from api import create_app
    from api.loopback import serve_announcing

    parts = parts_for(delay)  # a closure: retraining runs in a thread, not a process
    app = create_app(Path(root), run_jobs=True, parts_for=parts, isolated_training=False)
    serve_announcing(app, port_file, lifespan="on")


class ServerProcess:
    """A child process serving ``root``; ``url`` once it listens."""

    def __init__(self, root: Path, log: Path, delay: float = 0.0, timeout: float = 60) -> None:
        self.port_file = log.with_suffix(".port")
        self.port_file.unlink(missing_ok=True)
        self.log = log
        args = f"{str(root)!r}, {str(self.port_file)!r}, {delay!r}"
        code = f"import slow_parts; slow_parts.start({args})"
        paths = [str(REPO), str(REPO / "tests"), str(HERE)]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([*paths, os.environ.get("PYTHONPATH", "")]),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
        self._out = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "-c", code],  # a crash dumps its stacks
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self._wait_for_port(timeout)}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _wait_for_port(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.port_file.exists():
                return int(self.port_file.read_text())
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode}):\n{self.tail()}")
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"the server did not start in {timeout} s:\n{self.tail()}")

    def tail(self, chars: int = 4000) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.log.read_text(errors="replace")[-chars:]

    def state(self) -> str:
        """For failure messages: whether the process still runs, and its log's tail."""
        code = self.proc.poll()
        status = "running" if code is None else f"exited with {code}"
        return f"server pid {self.proc.pid} {status}; log:\n{self.tail()}"

    def kill(self) -> None:
        """SIGKILL, and reap the child (a zombie's pid still looks alive to the next
        server's recovery of its jobs)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self._out.close()

    def stop(self, timeout: float = 15) -> None:
        """A clean shutdown (SIGTERM: uvicorn stops the app and its job runners)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._out.close()
