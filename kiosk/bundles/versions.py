"""Names of content versions: when the bundle was packed, then its manifest's
hash, so that names sort by age. Light to import: the health file reads them."""

from __future__ import annotations

from datetime import datetime, timezone

TIME_FORMAT = "%Y%m%dT%H%M%SZ"
HASH_CHARS = 12


def version_name(packed: datetime, manifest_hash: str) -> str:
    return f"{packed.astimezone(timezone.utc):{TIME_FORMAT}}-{manifest_hash[:HASH_CHARS]}"


def packed_at(version: str) -> float:
    """When the bundle of `version` was packed (a Unix time; 0 when not a version name)."""
    try:
        return datetime.strptime(version[:16], TIME_FORMAT).replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        return 0.0
