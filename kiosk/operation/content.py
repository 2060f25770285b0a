"""Which exhibits the kiosk starts with: the current version of its content
bundles when it has one that loads, else the exhibits folder of kiosk.yaml
(or of `--exhibits`, which always wins: a technician trying a folder means it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.cache import CheckedCache
from kiosk.content.loader import Catalog, load_exhibits_folder
from kiosk.paths import bundled_exhibits_dir
from kiosk.settings.loading import LoadedSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentSource:
    root: Path
    """The exhibits folder on screen."""
    folder: Path
    """The exhibits folder of kiosk.yaml (or --exhibits): what shows without a bundle."""
    version: str | None = None
    """The bundle version on screen, None for the folder itself."""
    inbox: Path | None = None
    """Where bundles arrive; None: no bundles are taken."""

    @classmethod
    def of(cls, folder: Path) -> ContentSource:
        """Just `folder`: no bundles."""
        return cls(folder, folder)


def choose_content(loaded: LoadedSettings, exhibits: Path | None,
                   cache: CheckedCache) -> tuple[ContentSource, Catalog | None]:
    folder = exhibits or loaded.exhibits_dir or bundled_exhibits_dir()
    inbox = None if exhibits else loaded.bundle_inbox
    if inbox is not None:
        library = loaded.bundle_library()
        version = library.current()
        if version is not None:
            root = library.exhibits_folder(version)
            catalog = load_exhibits_folder(root, log, cache)
            if catalog is not None and catalog.exhibits:
                log.info("showing content bundle version %s", version)
                return ContentSource(root, folder, version, inbox), catalog
            log.error("content bundle version %s does not load; showing %s instead", version, folder)
    return ContentSource(folder, folder, None, inbox), load_exhibits_folder(folder, log, cache)
