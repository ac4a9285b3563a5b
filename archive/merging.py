"""How merge_duplicate_articles (archive/schema.py) joins the rows of one article stored under several ids."""
from __future__ import annotations

from sqlite_utils import Database


def merge_versions(db: Database, new_id: str, old_ids: list[str]) -> None:
    """Renumber the versions of ``old_ids`` under ``new_id`` by capture time; a repeat of the previous content is one version."""
    marks = ",".join("?" * len(old_ids))
    versions = list(db.query(f"select * from article_versions where article_id in ({marks}) "
                             "order by captured_at, version", old_ids))
    db.execute(f"delete from article_versions where article_id in ({marks})", old_ids)
    kept: list[dict] = []
    for version in versions:
        if kept and kept[-1]["content_hash"] == version["content_hash"]:
            continue  # the same text stored under two ids: one version, first seen at the earlier time
        kept.append({**version, "article_id": new_id, "version": len(kept) + 1})
    db["article_versions"].insert_all(kept)


def merge_pages(db: Database, new_id: str, survivor: str, others: list[str]) -> None:
    """Point the survivor's pages at ``new_id``; the other rows' pages are superseded or no longer part of it.

    A page whose number the survivor has was fetched again from another URL: its row goes, as the Store
    does it. Any other page of theirs is detached, as a page the article no longer has. Bodies stay in captures.
    """
    if others:
        marks = ",".join("?" * len(others))
        db.execute(f"delete from pages where article_id in ({marks}) and number in "
                   "(select number from pages where article_id = ?)", [*others, survivor])
        db.execute(f"update pages set article_id = null, number = null, error = 'no longer part of the article' "
                   f"where article_id in ({marks})", others)
    db.execute("update pages set article_id = ? where article_id = ?", [new_id, survivor])
