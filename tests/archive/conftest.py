"""Test archives for the publishing side: a small, realistic Folio database built with sqlite-utils."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.bodies import Bodies
from archive.rows import stored_text
from archive.schema import migrate
from tests.waiting import cpu_seconds, wait_for

REPO = Path(__file__).resolve().parents[2]

# Payloads that would leave a trace if any of them ever ran in a browser.
MALICIOUS_BODY_HTML = """<p>Keep a simple diary of what you ate, how you slept and when the pain started.</p>
<script>window.__pwned = "script"; document.title = "pwned";</script>
<p><img src="https://tracker.example/pixel.gif" onerror="window.__pwned='onerror';document.title='pwned'"></p>
<p><a id="diary-link" href="javascript:window.__pwned='link';document.title='pwned'">Read the diary guide</a></p>
<p onclick="window.__pwned='onclick'" onmouseover="window.__pwned='hover'">Patterns usually show up after a month.</p>
<iframe src="https://tracker.example/frame"></iframe>
<svg onload="window.__pwned='svg'"><circle r="4"></circle></svg>
<style>body { display: none; }</style>
<p><a href="https://dailyhealth.example/migraine-diary.pdf">Download a printable diary</a></p>"""

RAW_PAGE_MARKER = "RAW-PAGE-MARKER-do-not-render"


def article_id(url: str) -> str:
    """The same kind of stable text id the crawler derives from an article URL."""
    return hashlib.sha1(url.encode()).hexdigest()[:16]


def _paragraphs(*texts: str) -> tuple[str, str]:
    return "\n\n".join(texts), "".join(f"<p>{t}</p>" for t in texts)


ARTICLES = [
    dict(
        site="medwire", slug="vitamin-d-winter-colds", section="Nutrition",
        title="Vitamin D and winter colds: what a new trial found",
        subtitle="A year-long trial in 2,000 adults tested daily supplements.",
        authors=["Kelli Jones"], reviewer="Dr. Amal Reyes", published="2024-03-12",
        texts=["Researchers gave half of the volunteers a daily vitamin D supplement.",
               "Colds were slightly shorter in the supplement group, but not less frequent.",
               "People who started with low vitamin D levels saw the largest benefit."],
        pages=2,
        # Earlier contents, oldest first; the article row above is the current (last) version.
        versions=[
            dict(captured_at="2024-04-06T06:00:00+00:00", title="Vitamin D and colds",
                 texts=["Researchers gave half of the volunteers a daily vitamin D supplement.",
                        "Colds were shorter in the supplement group.",
                        "People who started with low vitamin D levels saw the largest benefit."]),
            dict(captured_at="2024-04-20T06:00:00+00:00",
                 texts=["Researchers gave half of the volunteers a daily vitamin D supplement.",
                        "Colds were slightly shorter in the supplement group, but not less frequent.",
                        "People who started with low vitamin D levels saw the largest benefit.",
                        "The full results will be presented at a conference in May."]),
        ],
        updated="2024-05-04T06:00:00+00:00",
    ),
    dict(
        site="medwire", slug="walking-after-meals", section="Fitness",
        title="Walking after meals lowers blood sugar spikes",
        subtitle=None, authors=["Kelli Jones", "Tom Baker"], reviewer=None, published="2024-02-02",
        texts=["A ten-minute walk after dinner flattened glucose curves in a small study.",
               "Even slow walking helped, as long as it started within half an hour."],
        pages=1,
    ),
    dict(
        site="medwire", slug="sleep-debt-heart", section="Heart Health",
        title="Sleep debt and heart health", subtitle="Short nights add up.",
        authors=["Tom Baker"], reviewer="Dr. Amal Reyes", published="2023-11-20",
        texts=["Adults who slept under six hours had higher blood pressure a decade later.",
               "Catching up at weekends did not fully reverse the effect."],
        pages=1,
    ),
    dict(
        site="dailyhealth", slug="rsv-vaccine-questions", section="Vaccines",
        title="Five questions about the new RSV vaccine", subtitle="Who should get it, and when.",
        authors=["Priya Natarajan"], reviewer="Dr. Hannah Cole", published="2024-04-03T09:30:00+00:00",
        texts=["The vaccine is recommended for adults over 60 after talking to a doctor.",
               "Side effects were mostly a sore arm and tiredness for a day or two.",
               "It can be given at the same visit as a flu shot."],
        pages=2,
    ),
    dict(
        site="dailyhealth", slug="how-much-water", section="Nutrition",
        title="How much water do you really need?", subtitle=None,
        authors=["Sam Okafor"], reviewer=None, published="2023-07-15",
        texts=["There is no single number: needs rise with heat, exercise and illness.",
               "Food provides about a fifth of the water most people take in."],
        pages=3, missing=[3],
    ),
    dict(
        site="dailyhealth", slug="migraine-triggers", section="Neurology",
        title="Migraine triggers you can track", subtitle="A diary beats guessing.",
        authors=["Priya Natarajan"], reviewer=None, published="2024-01-09",
        texts=["Keep a simple diary of what you ate, how you slept and when the pain started.",
               "Patterns usually show up after a month."],
        body_html=MALICIOUS_BODY_HTML, pages=1,
    ),
    dict(
        site="carepost", slug="hearing-aids-memory", section="Aging",
        title="Hearing aids and memory: what the studies say", subtitle=None,
        authors=["Lena Fischer"], reviewer="Dr. Hannah Cole", published="2024-03-28",
        texts=["Treating hearing loss was linked to slower memory decline in older adults.",
               "The effect was strongest in people at higher risk of dementia."],
        pages=1, body_html=None,  # stored without HTML: the page falls back to body_text
    ),
    dict(
        site="carepost", slug="allergy-season-earlier", section="Allergies",
        title="Seasonal allergies start earlier each year", subtitle=None,
        authors=["Lena Fischer", "Kelli Jones"], reviewer=None, published=None, published_raw="Spring 2023",
        texts=["Pollen seasons now begin about three weeks earlier than in 1990.",
               "Starting nasal sprays before symptoms appear can help."],
        pages=1,
    ),
]

def _crawl(id, site, day, outcome, *, new=0, changed=0, unchanged=0, incomplete=0, fetched=0, failed=0,
           hour=6, seconds=250):
    # As archive.store.Store.spider_closed records a run, with the Folio counters in its stats.
    stats = {"downloader/request_count": fetched, "folio/pages/fetched": fetched, "folio/pages/failed": failed,
             "folio/articles/new": new, "folio/articles/changed": changed, "folio/articles/unchanged": unchanged,
             "folio/articles/incomplete": incomplete}
    finished = f"{day}T{hour:02}:{seconds // 60:02}:{seconds % 60:02}+00:00"
    return dict(id=id, site=site, started=f"{day}T{hour:02}:00:00+00:00", finished=finished,
                outcome=outcome, articles_stored=new + changed, articles_unchanged=unchanged,
                articles_incomplete=incomplete, pages_fetched=fetched, errors=failed,
                stats=json.dumps({k: v for k, v in stats.items() if v}))


# Runs over several days, so the crawl-health charts have points to draw.
CRAWLS = [
    _crawl(1, "medwire", "2024-04-01", "finished", new=3, fetched=4),
    _crawl(2, "dailyhealth", "2024-04-05", "finished", new=3, incomplete=1, fetched=6, failed=1, seconds=462),
    _crawl(3, "carepost", "2024-04-06", "shutdown", new=2, fetched=2),
    _crawl(4, "medwire", "2024-04-20", "finished", changed=1, unchanged=2, fetched=4),
    _crawl(5, "dailyhealth", "2024-04-20", "finished", unchanged=2, incomplete=1, fetched=6, failed=1, hour=7),
    _crawl(6, "medwire", "2024-05-04", "finished", changed=1, unchanged=2, fetched=4),
]


FIRST_SEEN = "2024-04-06T06:00:00+00:00"


def _page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}?page={number}"


def _rows(spec: dict) -> tuple[dict, list[dict]]:
    base = f"https://{spec['site']}.example/{spec['slug']}/"
    aid = article_id(base)
    body_text, body_html = _paragraphs(*spec["texts"])
    missing = [_page_url(base, n) for n in spec.get("missing", [])]
    article = {
        "id": aid, "site": spec["site"], "url": base, "canonical_url": base,
        "title": spec["title"], "subtitle": spec["subtitle"], "authors": json.dumps(spec["authors"]),
        "reviewer": spec["reviewer"], "published": spec["published"],
        "published_raw": spec.get("published_raw", spec["published"]), "section": spec["section"],
        "language": "en", "body_text": body_text, "body_html": spec.get("body_html", body_html),
        "word_count": len(body_text.split()), "page_count": spec["pages"], "complete": 0 if missing else 1,
        "missing_pages": json.dumps(missing), "content_hash": hashlib.sha256(body_text.encode()).hexdigest(),
        "first_seen": FIRST_SEEN, "updated": spec.get("updated", FIRST_SEEN),
        "version_count": len(spec.get("versions", [])) + 1,
    }
    pages = []
    for number in range(1, spec["pages"] + 1):
        url = _page_url(base, number)
        failed = url in missing
        raw = f"<html><script>window.__pwned='raw'</script><p>{RAW_PAGE_MARKER}</p></html>".encode()
        pages.append({
            "url": url, "article_id": aid, "site": spec["site"], "number": number,
            "status": 503 if failed else 200, "final_url": None, "fetched_at": "2024-04-06T06:00:01+00:00",
            "content_type": "text/html; charset=utf-8",
            "headers": json.dumps({"Content-Type": "text/html; charset=utf-8", "Server": "nginx"}),
            "error": "HTTP 503 Service Unavailable after 3 retries" if failed else None,
            "body_sha256": None if failed else hashlib.sha256(raw).digest(),
            "body_size": None if failed else len(raw), "body": None if failed else raw,
        })
    return article, pages


def _versions(spec: dict, article: dict) -> list[dict]:
    # As archive.store writes them: each earlier content in turn, then the article row's own (its text not repeated).
    fields = ("title", "subtitle", "authors", "published", "body_text", "content_hash")
    current = {field: article[field] for field in fields}
    rows = []
    for number, earlier in enumerate(spec.get("versions", []), start=1):
        body_text = "\n\n".join(earlier["texts"])
        rows.append({
            **current, "article_id": article["id"], "version": number, "captured_at": earlier["captured_at"],
            "body_text": body_text, "content_hash": hashlib.sha256(body_text.encode()).hexdigest(),
            **{f: json.dumps(earlier[f]) if f == "authors" else earlier[f] for f in fields if f in earlier},
        })
    return rows + [{**current, "article_id": article["id"], "version": len(rows) + 1,
                    "captured_at": article["updated"], "body_text": None}]


def insert_articles(db: Database, specs: list[dict]) -> None:
    """Insert articles given as specs like ARTICLES' (with their pages and versions) into `db`."""
    for spec in specs:
        article, pages = _rows(spec)
        with db.conn:  # body_text is generated from body_html and stored_text, as archive.rows writes them
            row = {k: v for k, v in article.items() if k != "body_text"}
            db["articles"].insert({**row, "stored_text": stored_text(article["body_html"], article["body_text"])})
            for page in pages:  # as archive.store writes them: the body and headers in a capture
                body = page.pop("body")
                if body is not None:
                    blob, dict_id = Bodies(db.conn).compress(page["site"], body)
                    page["capture_id"] = db["captures"].insert({
                        "url": page["url"], "final_url": page["final_url"], "fetched_at": page["fetched_at"],
                        "status": page["status"], "headers": page.pop("headers"), "body_sha256": page["body_sha256"],
                        "site": page["site"], "dict_id": dict_id, "body_zst": blob}).last_pk
            db["pages"].insert_all(pages)
            db["article_versions"].insert_all(_versions(spec, article))


def build_archive(path: Path) -> Path:
    """Create a Folio archive at `path` with the articles, pages and crawls above."""
    db = Database(path)
    migrate(db)
    insert_articles(db, ARTICLES)
    db["crawls"].insert_all(CRAWLS)
    db.close()
    return path


# Edited, added and removed paragraphs and a new title over three versions; the removed paragraph
# and the first subtitle carry payloads that must only ever show as text.
STATINS_TEXTS = [
    "Many people stop taking statins because of muscle aches.",
    "A large analysis pooled 19 trials with more than 150,000 participants.",
    "Aches were reported almost as often on placebo as on the statin.",
    "In the first year, only one in 15 cases of muscle pain was caused by the drug itself.",
    "After the first year, the statin made no difference to muscle pain at all.",
    "Doctors suggest trying a lower dose or a different statin first.",
    "Stopping suddenly raises the risk of heart attack and stroke.",
    "Talk to your doctor before making any change.",
]
EDITED_PARAGRAPH = "In the first year, one in 15 cases of muscle pain could be put down to the drug."
PAYLOAD_PARAGRAPH = ("Tell us your story <img src=x onerror=\"window.__pwned='onerror'\">"
                     "<script>window.__pwned='script'</script> by email.")
PAYLOAD_SUBTITLE = "What the trials say <img src=x onerror=\"window.__pwned='subtitle'\">"
HISTORY_ARTICLES = [
    dict(
        site="carepost", slug="statins-muscle-pain", section="Heart Health",
        title="Statins and muscle pain: most aches are not from the drug", subtitle="What 19 trials say.",
        authors=["Lena Fischer"], reviewer=None, published="2024-03-01", texts=STATINS_TEXTS, pages=1,
        versions=[
            dict(captured_at="2024-04-06T06:00:00+00:00", title="Statins and muscle pain", subtitle=PAYLOAD_SUBTITLE,
                 texts=[*STATINS_TEXTS[:3], EDITED_PARAGRAPH, PAYLOAD_PARAGRAPH, *STATINS_TEXTS[5:]]),
            dict(captured_at="2024-05-02T06:00:00+00:00", title="Statins and muscle pain",
                 texts=[*STATINS_TEXTS[:5], PAYLOAD_PARAGRAPH, *STATINS_TEXTS[5:]]),
        ],
        updated="2024-06-10T06:00:00+00:00",
    ),
    next(spec for spec in ARTICLES if spec["slug"] == "walking-after-meals"),  # one version only
]


def build_history_archive(path: Path) -> Path:
    """An archive of two articles: one with three versions (HISTORY_ARTICLES) and one with one."""
    db = Database(path)
    migrate(db)
    insert_articles(db, HISTORY_ARTICLES)
    db.close()
    return path


def by_slug(slug: str) -> dict:
    """The article row (as inserted) whose URL slug is `slug`."""
    return _rows(next(s for s in ARTICLES + HISTORY_ARTICLES if s["slug"] == slug))[0]


@pytest.fixture(scope="session")
def archive_db(tmp_path_factory) -> Path:
    """A read-only-by-convention archive shared by the tests that only read it."""
    return build_archive(tmp_path_factory.mktemp("archive") / "folio.db")


@pytest.fixture(scope="session")
def history_db(tmp_path_factory) -> Path:
    """The two-article archive of build_history_archive(), shared by the tests that only read it."""
    return build_history_archive(tmp_path_factory.mktemp("history") / "folio.db")


@pytest.fixture
def fresh_db(tmp_path) -> Path:
    """An archive a test may change; named unlike folio.db to prove metadata follows the file."""
    return build_archive(tmp_path / "healthnews.db")


@contextmanager
def serving(command: list[str]) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run a command that serves an archive on an OS-chosen port; yield its base URL and process."""
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    # Read every line, so that access-log lines never fill the pipe and stall the server.
    reader = threading.Thread(target=lambda: [lines.append(line) for line in proc.stdout], daemon=True)
    reader.start()

    def started() -> re.Match | None:
        if proc.poll() is not None:
            reader.join()
            raise RuntimeError("server did not start:\n" + "".join(lines))
        found = re.search(r" at (http://127\.0\.0\.1:\d+)/", "".join(lines))
        return found if found and "Application startup complete" in "".join(lines) else None

    try:
        # Starting up spends CPU (imports, opening the archive), however slowly a busy machine gives it.
        wait_for(started, "the server to start", progress=lambda: (len(lines), int(cpu_seconds([proc.pid]))),
                 explain=lambda: "".join(lines))
        yield started().group(1), proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def serve_command(db_path: Path, *options: str) -> list[str]:
    """`folio serve` on `db_path` on an OS-chosen port, with `options` such as --public."""
    return [sys.executable, "-u", "-m", "crawler.cli", "serve", "--db", str(db_path), "--port", "0", *options]


@contextmanager
def served(db_path: Path) -> Iterator[str]:
    """Run archive.publish.serve() in a subprocess on an OS-chosen port; yield its base URL."""
    code = "import sys; from pathlib import Path; from archive.publish import serve; serve(Path(sys.argv[1]), port=0)"
    with serving([sys.executable, "-u", "-c", code, str(db_path)]) as (base_url, _):
        yield base_url


@pytest.fixture(scope="session")
def server_url(archive_db) -> Iterator[str]:
    """Base URL of a real Datasette (uvicorn, subprocess) serving the shared test archive."""
    with served(archive_db) as url:
        yield url


@pytest.fixture
def copy_of(tmp_path):
    """Copy a file into tmp_path under a new name."""
    def copy(src: Path, name: str) -> Path:
        return Path(shutil.copy(src, tmp_path / name))
    return copy


@pytest.fixture(scope="session")
def serve_archive():
    """The `served(db_path)` context manager, for tests that need their own server."""
    return served


@pytest.fixture(scope="session")
def article():
    """Look up a test article row by its URL slug."""
    return by_slug
