"""The `folio` commands that work on saved pages rather than a crawl: extract, eval."""
from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.archive_commands import load_profile


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", "urls", multiple=True, help="The URL each file was fetched from, in the same order.")
@click.option("--site", help="Use this site profile's selectors (see `folio sites`).")
@click.option("--each", is_flag=True, help="Every file is its own article: one JSON object per line.")
def extract(files, urls, site, each):
    """Print the extraction of saved pages as JSON (several files: one article, pages in order)."""
    from pipelines.offline import process_pages, public_view

    if urls and len(urls) != len(files):
        raise click.UsageError(f"got {len(files)} files but {len(urls)} --url values; give one --url per file")
    urls = urls or [path.resolve().as_uri() for path in files]
    profile = load_profile(site) if site else None
    if not each:
        record = process_pages([(_read(path), url) for path, url in zip(files, urls)], profile)
        _check_text(record, files[0])
        click.echo(json.dumps(public_view(record), ensure_ascii=False, indent=2))
        return
    failed = 0
    for path, url in zip(files, urls):
        try:
            record = process_pages([(_read(path), url)], profile)
            _check_text(record, path)
            click.echo(json.dumps(public_view(record), ensure_ascii=False))
        except click.ClickException as exc:
            failed += 1
            _report_failure(path, url, exc.message)
        except Exception as exc:  # noqa: BLE001  a bug on one page must not hide the others' results
            failed += 1
            _report_failure(path, url, f"extraction failed: {type(exc).__name__}: {exc}")
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} pages could not be extracted (their lines say why)")


def _report_failure(path: Path, url: str, message: str) -> None:
    """A failed page keeps its line in the output (marked with "error") and its reason on stderr."""
    click.echo(json.dumps({"url": url, "file": str(path), "error": message}, ensure_ascii=False))
    click.echo(f"Error: {message}", err=True)


def _read(path: Path) -> bytes:
    """The page's bytes, refused with one clear line when it is no HTML page Folio would read."""
    from crawler.settings import DOWNLOAD_MAXSIZE

    try:
        size = path.stat().st_size
        if size > DOWNLOAD_MAXSIZE:  # the crawler's cap: such a page is never fetched either
            raise click.ClickException(f"{path} is {size / 2**20:.1f} MiB, over the {DOWNLOAD_MAXSIZE // 2**20} MiB "
                                       "limit for one page (the crawler's DOWNLOAD_MAXSIZE)")
        body = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror}") from None
    if not body.strip():
        raise click.ClickException(f"{path} is empty")
    head = body[:4096]
    # NUL bytes mean an image, PDF or archive, unless the page is UTF-16 (which its BOM says).
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise click.ClickException(f"{path} is a binary file, not an HTML page")
    return body


def _check_text(record: dict, path: Path) -> None:
    """A page that yields neither a title nor body text is an error, not an empty JSON record."""
    if not (record.get("body_text") or "").strip() and not record.get("title"):
        raise click.ClickException(f"{path}: no article text found")


LABELLED_PAGINATION = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pagination"
SHARED_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@click.command(name="eval")
@click.argument("corpus_dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--only", "only", multiple=True, help="Score only this extractor: folio, trafilatura, readability.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (with each page's F1).")
@click.option("--pagination", "pagination_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=LABELLED_PAGINATION if LABELLED_PAGINATION.is_dir() else None,
              show_default="tests/fixtures/pagination", help="Labelled next-page set to score as well.")
def evaluate(corpus_dirs, only, as_json, pagination_dir):
    """Score Folio, trafilatura and readability-lxml on every corpus in CORPUS_DIRS (default ../shared/corpus)."""
    from pipelines import quality
    from pipelines.scoreboard import corpus_folders, format_scoreboard, scoreboard

    known = {e.name: e for e in quality.EXTRACTORS}
    unknown = sorted(set(only) - set(known))
    if unknown:
        raise click.UsageError(f"unknown extractor {unknown[0]!r}; choose from {', '.join(known)}")
    if not corpus_dirs and not SHARED_CORPORA.is_dir():
        raise click.UsageError(f"name a corpus folder (none at {SHARED_CORPORA})")
    paths = list(corpus_dirs) or [SHARED_CORPORA]
    if not corpus_folders(paths):
        raise click.ClickException(f"no corpus under {', '.join(map(str, paths))} "
                                   "(<case>/source.html + expected.html, or evaldata.json + html/)")
    board = scoreboard(paths, [known[n] for n in only] if only else quality.EXTRACTORS)
    pagination = quality.pagination_scores(pagination_dir) if pagination_dir else None
    if as_json:
        click.echo(json.dumps({**board, "pagination": pagination}, indent=2))
        return
    click.echo(format_scoreboard(board))
    if pagination:
        click.echo(f"\nnext-page detection on {pagination['cases']} labelled pages ({pagination_dir}): "
                   f"precision {pagination['precision']:.3f}, recall {pagination['recall']:.3f}")

COMMANDS = (extract, evaluate)
