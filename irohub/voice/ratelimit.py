"""A small fixed-window rate limit in Django's cache, for the public feedback forms.

The client's address is hashed before it becomes a cache key, so the cache holds no address.
With several app servers the cache must be shared (a database or Redis cache): the default
local-memory cache counts per process.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

FEEDBACK_POSTS = 10  # posts allowed per address ...
FEEDBACK_WINDOW = 10 * 60  # ... in this many seconds


def client_address(request) -> str:
    """The address the request came from (REMOTE_ADDR: set it from X-Forwarded-For in the
    proxy or WSGI server, never from a header anyone can send)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(
    scope: str, who: str, *, limit: int = FEEDBACK_POSTS, window: int = FEEDBACK_WINDOW
) -> bool:
    """Count one attempt by `who`; False once more than `limit` were made in the window."""
    key = "irohub:rate:" + hashlib.sha256(f"{scope}:{who}".encode()).hexdigest()
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=window)
        return True
    return count <= limit
