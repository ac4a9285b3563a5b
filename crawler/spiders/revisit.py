"""The revisit policy: whether an archived article is due to be fetched again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from archive.index import ArchiveIndex
from crawler import sites


def not_due(profile: sites.SiteProfile, index: ArchiveIndex, url: str, lastmod: str | None) -> str | None:
    """Why an archived article need not be fetched now, or None when it should be."""
    if lastmod:
        changed, captured = _moment(lastmod), _moment(index.last_capture(url))
        if changed and captured and changed <= captured:
            return f"sitemap lastmod {lastmod} is not newer than the last capture"
        return None
    visited = _moment(index.last_visit(url))
    if visited is None or not (profile.revisit_recent_hours or profile.revisit_old_days):
        return None
    now = datetime.now(timezone.utc)
    published = _moment(index.published(url))
    recent = published is not None and now - published <= timedelta(days=profile.revisit_recent_days)
    every = timedelta(hours=profile.revisit_recent_hours) if recent else timedelta(days=profile.revisit_old_days)
    if now - visited < every:
        return f"checked at {visited:%Y-%m-%d %H:%M}; {'recent' if recent else 'older'} articles every {every}"
    return None


def _moment(value: str | None) -> datetime | None:
    """An aware datetime from an ISO 8601 date or date-time (dates and naive times taken as UTC)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
