"""A real redis-server (Debian package `redis-server`) on 127.0.0.1, for the tests and the benchmark."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis

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
        # The port is free when chosen but not reserved: another process (another test run on this
        # machine) may take it first, and a test must never work on someone else's Redis.
        try:
            for _ in range(5):
                if self._start():
                    return self
                self.port = _free_port()
                self.url = f"redis://127.0.0.1:{self.port}/0"
        except BaseException:  # a server that did not start in time (or Ctrl-C) must not live on
            self.__exit__()
            raise
        raise RuntimeError(f"redis-server could not listen on a free port: {(self.dir / 'redis.log').read_text()[-500:]}")

    def _start(self) -> bool:
        """Start redis-server on self.port; whether the server answering there is this one."""
        # No snapshots and no AOF: the tests kill workers and the writer, never Redis itself.
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir),
             "--save", "", "--appendonly", "no", "--logfile", str(self.dir / "redis.log")],
            stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False  # most likely the port was taken meanwhile
            try:
                pid = redis.Redis(port=self.port, socket_timeout=5).info("server")["process_id"]
            except redis.RedisError:
                time.sleep(0.05)
                continue
            if pid == self.process.pid:
                return True
            self.process.kill()  # someone else's server holds the port
            self.process.wait()
            return False
        raise RuntimeError("redis-server did not start listening within 30 s")

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a stopped or hung server ignores SIGTERM
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
