"""What reading one published attachment may cost: a small file can unpack to gigabytes, a few bytes at a time
in many small chunks, so the bound is on the whole file, not on each part of it."""

from __future__ import annotations

import zlib

MAX_UNPACKED = 64 * 1024 * 1024
"""Most bytes one attachment may unpack to, all its compressed parts (text chunks, PDF streams) together."""


class Unreadable(ValueError):
    """A file that cannot be checked in full, so it is not published (its message is Swedish)."""


class Budget:
    """What is left of MAX_UNPACKED while one file is read."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.left = MAX_UNPACKED

    def spend(self, size: int) -> None:
        """Count `size` unpacked bytes; past the bound the file is refused, whatever else it holds."""
        self.left -= size
        if self.left < 0:
            raise Unreadable(f"{self.kind}-filen packas upp till mer än {MAX_UNPACKED // 2**20} MiB (gränsen för "
                             "en fil), så den går inte att kontrollera; spara den på nytt utan inbäddade data")

    def inflate(self, data: bytes) -> bytes:
        """zlib data unpacked, counted against the budget (a stream that cannot be unpacked cannot be checked)."""
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data, self.left + 1)
        except zlib.error:
            raise Unreadable(f"{self.kind}-filen har en komprimerad del som inte går att packa upp, så den går "
                             "inte att kontrollera; spara den på nytt") from None
        self.spend(len(out))
        return out
