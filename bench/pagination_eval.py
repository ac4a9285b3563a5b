"""Pagination on the generated conventions site, per convention and trap, fitted and leave-one-convention-out.

Usage: python bench/pagination_eval.py [--grid NAME=v1,v2 ...] [-s NAME=VALUE ...] [--seed N]
                                       [--family dev|heldout|fresh|blind|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth]
                                       [--multipage-corpus DIR] [--json FILE]

It serves the conventions site (crawler/samplesite/conventions) on 127.0.0.1, runs a real
`folio crawl --url ...` over every article's first page into a fresh SQLite file, once per grid point
(the cartesian product of the --grid values, given to the crawl as Scrapy settings), and scores
the archive per convention and trap: page-discovery precision and recall, false merges (pages of
another article, or of a gallery, comment or listing page, merged in), merged-body F1 (the shingle
metric of pipelines/quality.py), chrome leaks (known chrome strings found in a stored body) and
articles stored as complete while pages are missing ("cplt!", and below the table the opposite: articles stored
incomplete although every page was found); "meta" counts articles whose title,
authors and date are all right; "extra" is the most requests one article cost beyond its page count
(a request belongs to the article whose page its Referer names; a first page to its own article).
Leave-one-convention-out: for each group, the grid point that ranks best on all OTHER groups
(fewest foreign pages, then mean of recall and F1, then fewest leaks) is the one its held-out score
is read at; "fitted" is the point that ranks best on all groups. With no grid nothing is tuned,
so held-out = fitted. --family heldout builds the site from the second publisher family
(crawler/samplesite/conventions/heldout.py); --family fresh the third (fresh.py), written before the
byline, dek and chrome rules were read and never tuned on; --family blind (blind.py) and --family fifth
(fifth.py and its fifth_pagers.py, fifth_pages.py, fifth_traps.py) were written without reading them, and so
were --family sixth (sixth.py and its sixth_*.py: publishers shaped like common CMSs) and --family seventh
(seventh.py and its seventh_*.py: a hospital newsroom, a health agency, a magazine, a TV station, a portal),
--family eighth (eighth.py and its eighth_*.py: a pharmacy library, a medical school, a patient society, a
newsletter archive, a syndicated wire story and a multilingual network writing Japanese too) and
--family ninth (ninth.py and its ninth_*.py: US, UK, Australian and Indian publishers on common platforms)
and --family tenth (tenth.py and its tenth_*.py: African desks, vet, recipe, Q&A and trade blogs, a Latin
American portal writing ten languages), and --family eleventh (eleventh.py and its eleventh_*.py: eight publishers
writing only Spanish, Czech, Swedish, Chinese, Portuguese, Italian, Polish or Turkish, dates printed only), and
--family twelfth (twelfth.py and its twelfth_*.py: Irish, Canadian, UK, US, New Zealand and South African health
publishers of eight kinds, a French and a German desk).
--multipage-corpus also crawls that corpus's article (GROUND_TRUTH.json).
"""
from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.samplesite.conventions import ConventionServer, ConventionSite, build  # noqa: E402
from crawler.samplesite.conventions.score import (  # noqa: E402
    by_group, figures, leave_one_out, pick, read_outcomes, request_costs,
)
from pipelines.quality import body_scores  # noqa: E402

SKIPPED_REQUESTS = ("/robots.txt", "/static/")


def crawl(server: ConventionServer, paths: list[str], db: Path, settings: list[str]) -> dict:
    """Run `folio crawl --url ...` in a subprocess; returns its exit code, seconds and requests made."""
    before = len(server.log())
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--db", str(db)]
    for path in paths:
        command += ["--url", server.url(path)]
    for setting in settings:
        command += ["-s", setting]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0 and not db.exists():
        raise SystemExit(f"the crawl failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    log = [(target, referer) for target, referer in server.log()[before:] if not target.startswith(SKIPPED_REQUESTS)]
    return {"exit_code": result.returncode, "seconds": round(seconds, 1), "requests": len(log), "log": log}


def grid_points(specs: list[str]) -> list[list[str]]:
    """Every combination of the --grid values, as lists of NAME=VALUE settings."""
    axes = []
    for spec in specs:
        name, _, values = spec.partition("=")
        if not name or not values:
            raise SystemExit(f"--grid wants NAME=v1,v2,...; got {spec!r}")
        axes.append([f"{name}={value}" for value in values.split(",")])
    return [list(point) for point in itertools.product(*axes)] or [[]]


def row(name: str, kind: str, fig, held=None) -> str:
    """One line of the table: fitted figures, then held-out ones when a grid was searched."""
    text = (f"{name:24} {kind:10} {fig.articles:4} {fig.pages:5} | {fig.precision:5.3f} {fig.recall:5.3f} "
            f"{fig.merged_articles:3}/{fig.foreign:<3} {fig.exact:3} {fig.false_complete:5} {fig.f1:6.3f} "
            f"{fig.leaks:5} {fig.metadata:4} {fig.extra_requests:5}")
    if held is not None:
        text += f" | {held.precision:5.3f} {held.recall:5.3f} {held.merged_articles:3}/{held.foreign:<3} " \
                f"{held.f1:6.3f} {held.leaks:5}"
    return text


HEADER = (f"{'group':24} {'kind':10} {'arts':>4} {'pages':>5} | {'P':>5} {'R':>5} {'merged':>7} {'ok':>3} "
          f"{'cplt!':>5} {'F1':>6} {'leaks':>5} {'meta':>4} {'extra':>5}")


def as_data(fig) -> dict | None:
    """Figures as a JSON-ready dict, precision and recall included."""
    return None if fig is None else fig.__dict__ | {"precision": fig.precision, "recall": fig.recall}


def group_entry(kind: str, fig, out, point: list[str], outcomes) -> dict:
    """One group's figures for the JSON report, with what each of its articles missed, took in or leaked."""
    articles = [{"key": o.case.key, "missed": sorted(set(o.case.page_urls) - set(o.found)), "foreign": o.foreign,
                 "leaks": o.leaks, "requests": o.requests} for o in outcomes]
    return {"kind": kind, "fitted": as_data(fig), "held_out_point": point, "held_out": as_data(out),
            "articles": articles}


def report(site: ConventionSite, points: list[list[str]], results: list[dict], runs: list[dict]) -> dict:
    """Print the per-group table and return it as data."""
    groups, searched = list(results[0]), len(points) > 1
    fitted = pick(results, groups)
    held = leave_one_out(results) if searched else {g: fitted for g in groups}
    print(HEADER + (" | held-out: P     R  merged     F1 leaks" if searched else ""))
    data = {"fitted_point": points[fitted], "groups": {}}
    for group in groups:
        kind = results[0][group][0].case.kind
        fig = figures(results[fitted][group])
        out = figures(results[held[group]][group]) if searched else None
        print(row(group, kind, fig, out))
        data["groups"][group] = group_entry(kind, fig, out, points[held[group]], results[fitted][group])
    for kind in ("convention", "trap", None):
        chosen = [g for g in groups if kind in (None, results[0][g][0].case.kind)]
        fig = figures([o for g in chosen for o in results[fitted][g]])
        out = figures([o for g in chosen for o in results[held[g]][g]]) if searched else None
        print(row(f"ALL {kind + 's' if kind else 'articles'}", "", fig, out))
    footer(site, points[fitted], runs[fitted], [o for group in results[fitted].values() for o in group])
    if not searched:
        print("no --grid: nothing is tuned, so leave-one-convention-out = fitted")
    data["runs"] = runs
    return data


def footer(site: ConventionSite, point: list[str], run: dict, outcomes) -> None:
    """The fitted crawl's time and request counts."""
    print(f"fitted point: {' '.join(point) or '(defaults)'}; crawl {run['seconds']} s, exit {run['exit_code']}, "
          f"{run['requests']} requests for {sum(len(c.page_urls) for c in site.cases)} pages of {len(site.cases)} "
          f"articles ({run['requests'] / len(site.cases):.2f} per article)")
    over = [o.case.key for o in outcomes if o.requests > len(o.case.page_urls) + 2]
    print(f"requests per article beyond its page count (by Referer): at most {figures(outcomes).extra_requests}; "
          f"{len(over)} articles over page count + 2{': ' + ', '.join(over) if over else ''}")
    # The table's cplt! column counts the opposite mistake; an article wrongly called incomplete shows here.
    wrong = [o.case.key for o in outcomes if o.stored and not o.complete and o.exact_pages]
    print(f"stored incomplete with every page found: {len(wrong)}{': ' + ', '.join(wrong) if wrong else ''}")


def multipage_corpus(folder: Path, settings: list[str], work: Path) -> dict:
    """Crawl the multipage-synthetic article served on loopback; pages found and body F1 against its truth."""
    import lxml.html

    truth = json.loads((folder / "GROUND_TRUTH.json").read_text())
    origin = truth["article_url"].split("/", 3)[:3]
    paths = {url[len("/".join(origin)):]: (folder / name).read_text("utf-8") for name, url in truth["pages_in_order"]}
    expected_tree = lxml.html.fromstring((folder / "basic-multi-page-expected.html").read_text("utf-8"))
    expected = "\n\n".join(" ".join(p.text_content().split()) for p in expected_tree.iter("p"))
    title = " ".join(expected_tree.findtext(".//h1").split())
    with ConventionServer(site=ConventionSite(-1, (), paths)) as server:
        db = work / "multipage.db"
        run = crawl(server, [next(iter(paths))], db, settings)
        run.pop("log")
        import sqlite3
        with sqlite3.connect(db) as conn:
            body = (conn.execute("select body_text from articles").fetchone() or [""])[0] or ""
            found = [u[len(server.base_url):] for (u,) in conn.execute("select url from pages where article_id is not null order by number")]
    result = {"pages_expected": list(paths), "pages_found": found, "f1": body_scores([(expected, body)])["f1"],
              "headline_repeated": body.count(title), **run}
    print(f"multipage corpus {folder}: {len(set(found) & set(paths))}/{len(paths)} pages found, "
          f"{len(set(found) - set(paths))} foreign, body F1 {result['f1']:.3f}, headline in body {result['headline_repeated']}x")
    return result


def main() -> None:
    """Parse arguments, crawl once per grid point, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="append", default=[], metavar="NAME=v1,v2", help="Scrapy setting values to search")
    parser.add_argument("-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for every crawl")
    parser.add_argument("--seed", type=int, default=8, help="the conventions site's seed (default 8)")
    parser.add_argument("--family", default="dev", choices=("dev", "heldout", "fresh", "blind", "fifth", "sixth", "seventh",
                                                          "eighth", "ninth", "tenth", "eleventh", "twelfth"),
                        help="publisher family: dev (tuned on), heldout (checked, then tuned on), fresh, blind, "
                             "fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth (never tuned on)")
    parser.add_argument("--multipage-corpus", type=Path, help="also crawl this multipage-synthetic folder")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args()
    site, points = build(args.seed, args.family), grid_points(args.grid)
    results, runs = [], []
    with tempfile.TemporaryDirectory() as tmp, ConventionServer(site=site) as server:
        for index, point in enumerate(points):
            db = Path(tmp) / f"point{index}.db"
            run = crawl(server, [c.page_urls[0] for c in site.cases], db, args.settings + point)
            costs = request_costs(site, run.pop("log"), server.base_url)
            runs.append({"point": point, **run})
            results.append(by_group(read_outcomes(db, site, server.base_url, costs)))
        print(f"conventions site, {args.family} family, seed {args.seed}: {len(site.groups('convention'))} conventions, "
              f"{len(site.groups('trap'))} traps, {len(site.cases)} articles; {len(points)} grid point(s)")
        data = report(site, points, results, runs)
        if args.multipage_corpus:
            data["multipage_corpus"] = multipage_corpus(args.multipage_corpus, args.settings + data["fitted_point"], Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, default=str))


if __name__ == "__main__":
    main()
