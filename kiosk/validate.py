"""`kiosk validate`: what a curator runs after every edit, and what it asks
the kiosk's own decoder about each clip."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path


def validate_command(dirs: list[Path], no_cache: bool, config: Path | None, as_json: bool) -> int:
    """Every problem of the exhibits under `dirs` (and of the settings file
    `config`), printed; 0 without errors, 1 with, 2 for a usage problem."""
    from kiosk.content.cache import CheckedCache, RememberedProbe
    from kiosk.content.problems import summary_line
    from kiosk.content.verdict import check_collection
    from kiosk.paths import checked_cache_dir, qt_identity

    missing = [str(d) for d in dirs if not d.exists()]
    if missing:
        print(f"kiosk validate: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    # A validation ends with the process: collecting the cycles of tens of
    # thousands of checked objects on the way out would only cost time.
    gc.disable()
    cache, probe = None, clip_probe
    if not no_cache:
        cache = CheckedCache(checked_cache_dir())
        probe = RememberedProbe(clip_probe, checked_cache_dir(), qt_identity())
    verdict = check_collection(dirs, cache, probe)
    problems = list(verdict.problems)
    if config is not None:
        from kiosk.settings.loading import load_settings

        if not config.is_file():
            print(f"kiosk validate: no such settings file: {config}", file=sys.stderr)
            return 2
        problems[:0] = load_settings(config).problems
    summary = summary_line(len(verdict.exhibit_ids), problems)
    errors = sum(problem.is_error for problem in problems)
    if as_json:
        print(json.dumps({
            "exhibits": verdict.exhibit_ids,
            "errors": errors,
            "warnings": len(problems) - errors,
            "problems": [p.as_dict() for p in problems],
            "summary": summary,
        }, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem.format())
        print(summary)
    return 1 if errors else 0


def clip_probe(path: Path) -> tuple[str | None, int]:
    """Whether a clip plays, asked of the kiosk's own decoder (Qt Multimedia, loaded only for clips)."""
    from kiosk.content.clips import ProbeUnavailable
    from kiosk.media import multimedia

    missing = multimedia.multimedia_missing()
    if missing:
        raise ProbeUnavailable(f"{missing}; the kiosk cannot play clips here")
    from kiosk.media.clips import validation_probe

    return validation_probe(path)
