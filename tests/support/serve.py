"""The preview as `make serve` starts it (namndbeslut-serve), on a free port, for tests that talk to it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def preview(root: Path, build_date: str) -> Iterator[tuple[str, IO[str]]]:
    """The preview of `root` on the build date, stopped afterwards: its address and its output (one line per
    address it announces)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "BUILD_DATE": build_date}
    child = subprocess.Popen([str(Path(sys.executable).parent / "namndbeslut-serve"), "--port", str(port)],
                             cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert child.stdout is not None
        yield f"http://127.0.0.1:{port}", child.stdout
    finally:
        child.terminate()
        child.wait(timeout=30)
