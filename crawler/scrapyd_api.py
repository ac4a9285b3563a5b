"""scrapyd's JSON API, as the scheduler calls it: an error answer is an OSError, like a refused connection."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request


def setting_value(value) -> str:
    """A TOML value as a Scrapy `-s`/`setting=` value: strings as they are, the rest as JSON."""
    return value if isinstance(value, str) else json.dumps(value)


def call_scrapyd(base_url: str, endpoint: str, *, data: bytes | None = None) -> dict:
    """Call a scrapyd JSON endpoint; an error answer is raised as OSError, like a refused connection."""
    url = urllib.parse.urljoin(base_url if base_url.endswith("/") else base_url + "/", endpoint)
    try:
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            answer = json.load(response)
    except (OSError, ValueError) as exc:  # URLError, timeouts; a body that is not JSON
        raise OSError(f"scrapyd {url}: {getattr(exc, 'reason', exc)}") from None
    if answer.get("status") != "ok":
        raise OSError(f"scrapyd {url}: {answer.get('message', answer)}")
    return answer
