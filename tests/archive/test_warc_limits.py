"""import-warc reads each record only up to the crawler's size cap, and skips records it cannot place."""
from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.warc import MAX_BODY, read_responses
from crawler.cli import main
from tests.conftest import REPO, rows

PAGE = (b"<html><head><title>Sleep and coffee in adults</title></head><body><article>"
        + b"<p>Adults who drank coffee late slept less, the study of four hundred volunteers found.</p>" * 5
        + b"</article></body></html>")


def make_warc(path: Path, *, bomb_mib: int = 64) -> None:
    """A WARC with one good page, one response lacking WARC-Target-URI, and a gzip bomb."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)

    def response(uri: str, body: bytes, *headers) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))

    response("http://127.0.0.1:9/good", PAGE)
    response("http://127.0.0.1:9/no-uri", PAGE)
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=9) as inflating:  # never whole in memory here
        inflating.write(b"<html><body>")
        for _ in range(bomb_mib):
            inflating.write(b" " * (1 << 20))
        inflating.write(b"</body></html>")
    bomb = bomb.getvalue()
    response("http://127.0.0.1:9/bomb", bomb, ("Content-Encoding", "gzip"))
    # warcio will not write a record without a target URI: rename the header in place (same length).
    path.write_bytes(buffer.getvalue().replace(b"WARC-Target-URI: http://127.0.0.1:9/no-uri",
                                               b"WARC-Target-URX: http://127.0.0.1:9/no-uri"))


def test_oversized_and_uri_less_records_are_skipped_and_counted(tmp_path):
    warc = tmp_path / "odd.warc"
    make_warc(warc)
    found = read_responses(warc)
    assert [r["url"] for r in found.responses] == ["http://127.0.0.1:9/good"]
    assert found.counts["URI-less records"] == 1 and found.counts["oversized records"] == 1
    assert 64 << 20 > MAX_BODY

    result = CliRunner().invoke(main, ["import-warc", str(warc), "--db", str(tmp_path / "folio.db")])
    assert result.exit_code == 0, result.output
    assert "1 URI-less records, 1 oversized records" in result.output
    assert [r["url"] for r in rows(tmp_path / "folio.db", "select url from articles")] == ["http://127.0.0.1:9/good"]


def test_a_gzip_bomb_is_not_inflated_in_memory(tmp_path):
    warc = tmp_path / "bomb.warc"
    make_warc(warc, bomb_mib=512)  # about 500 KB on disk
    # Python's own allocation peak, not the process's RSS: the inflated bytes would be Python objects, and RSS
    # also moves with the kernel's page handling (it read 283 MiB once on a busy machine, 60 MiB otherwise).
    code = (f"import tracemalloc; tracemalloc.start(); from archive.warc import read_responses; "
            f"from pathlib import Path; read_responses(Path({str(warc)!r})); "
            "print(tracemalloc.get_traced_memory()[1])")
    peak = int(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout)
    assert peak < 128 << 20  # far below the 512 MiB the record inflates to
