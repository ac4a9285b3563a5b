"""A real redis-server (Debian package `redis-server`) on 127.0.0.1, for the tests and the benchmark."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

REDIS_SERVER = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """Start redis-server on a free loopback port in its own temporary folder; stop it on exit."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="folio-redis-"))
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "RedisServer":
        if REDIS_SERVER is None:
            raise RuntimeError("redis-server not found (apt-get install redis-server)")
        # No snapshots and no AOF: the tests kill workers and the writer, never Redis itself.
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir),
             "--save", "", "--appendonly", "no", "--logfile", str(self.dir / "redis.log")],
            stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"redis-server exited: {(self.dir / 'redis.log').read_text()[-500:]}")
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start listening within 30 s")

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)
