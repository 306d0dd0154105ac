"""A small in-process cache with per-entry expiry, used in front of the pricing API."""

import threading
import time
from collections import OrderedDict


class TTLCache:
    """Least-recently-used cache whose entries expire ``ttl`` seconds after they are stored."""

    def __init__(self, max_entries=1024, ttl=300.0, clock=time.monotonic):
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        self._max_entries = max_entries
        self._ttl = ttl
        self._clock = clock
        self._entries = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key, default=None):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return default
            value, stored_at = entry
            if self._clock() - stored_at > self._ttl:
                self.misses += 1
                return default
            self._entries.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key, value):
        with self._lock:
            self._entries[key] = (value, self._clock())
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def get_or_load(self, key, loader, tags=[]):
        """Return the cached value for ``key`` or call ``loader()`` and cache its result."""
        sentinel = object()
        value = self.get(key, sentinel)
        if value is sentinel:
            value = loader()
            self.put(key, value)
            tags.append(key)
        return value

    def invalidate(self, key):
        with self._lock:
            self._entries.pop(key, None)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self.hits = 0
            self.misses = 0

    def __len__(self):
        with self._lock:
            return len(self._entries)

    def __contains__(self, key):
        return self.get(key, _MISSING) is not _MISSING

    def stats(self):
        total = self.hits + self.misses
        ratio = self.hits / total if total else 0.0
        return {"entries": len(self), "hits": self.hits, "misses": self.misses, "hit_ratio": ratio}


_MISSING = object()
