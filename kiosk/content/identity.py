"""What content is on screen, as one short hash: two kiosks showing the same
exhibits report the same identity, whatever their folders are called, and a
change to any exhibit file or still changes it."""

from __future__ import annotations

import hashlib
import os

from kiosk.content.loader import Catalog


def content_identity(catalog: Catalog) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for item in sorted(catalog.exhibits, key=lambda e: e.id):
        digest.update(item.id.encode() + b"\0")
        for folder, _dirs, files in sorted(os.walk(item.folder)):
            for name in sorted(files):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, item.folder).encode() + b"\0")
                try:
                    with open(path, "rb") as file:
                        digest.update(hashlib.blake2b(file.read(), digest_size=16).digest())
                except OSError:
                    digest.update(b"unreadable")
    return digest.hexdigest()
