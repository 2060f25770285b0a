"""Checks of an exhibit's clips and their captions, made once the exhibit has loaded.

A clip's problems never take its exhibit off the screen: the exhibit shows,
and a clip that cannot play shows its poster and transcript instead. They are
still errors for `kiosk validate`, `kiosk pack` and a content change, which
refuse them. Whether a clip plays is asked of `probe`, the decoder the kiosk
itself uses (kiosk.media.clips); the plain content layer cannot decode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.content.captions import cue_problems
from kiosk.content.checks import name_problem
from kiosk.content.located import FileReport, display_path, os_error_text
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Exhibit, VideoPanel
from kiosk.content.yamlsource import DataPath

CLIP_SUFFIXES = {".mp4", ".m4v", ".mov", ".webm", ".mkv"}
NARRATION_SUFFIXES = {".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac"}

ClipProbe = Callable[[Path], tuple["str | None", int]]
"""Why a clip would play no frames (None: it plays), and how many audio tracks
it has; raises ProbeUnavailable when it cannot tell on this computer."""


class ProbeUnavailable(Exception):
    """The decoder cannot be asked here (its libraries are missing): the clips
    are not found wanting, only not checked."""


def clips_of(exhibit: Exhibit) -> Iterator[tuple[DataPath, str]]:
    """Every clip an exhibit names, with where it is named."""
    if exhibit.attract_clip:
        yield ("attract_clip",), exhibit.attract_clip
    for index, panel in enumerate(exhibit.panels):
        if isinstance(panel, VideoPanel):
            yield ("panels", index, "clip"), panel.clip
            for language, described in panel.audio_description.items():
                if isinstance(described, str):
                    yield ("panels", index, "audio_description", language), described


def check_clips(exhibit: Exhibit, folder: Path, report: FileReport, probe: ClipProbe | None) -> list[Problem]:
    """The problems of an exhibit's clips and captions, located in exhibit.yaml or in the WebVTT file."""
    start = len(report.problems)
    tracks: dict[str, int] = {}
    unavailable: ProbeUnavailable | None = None
    for where, name in clips_of(exhibit):
        try:
            problem, tracks[name] = _clip_problem(name, folder, None if unavailable else probe)
        except ProbeUnavailable as why:
            unavailable, problem, tracks[name] = why, None, 0
        if problem:
            report.add(where, Severity.ERROR, problem)
        elif unavailable:  # each clip says so, without asking the decoder again
            report.add(where, Severity.WARNING, f"not checked whether {name} plays: {unavailable}")
    vtt_problems: list[Problem] = []
    for index, panel in enumerate(exhibit.panels):
        if isinstance(panel, VideoPanel):
            vtt_problems += _check_captions(exhibit, panel, ("panels", index), folder, report)
            for language, described in panel.audio_description.items():
                count = tracks.get(panel.clip, 0)
                if isinstance(described, int) and probe is not None and not unavailable and count \
                        and described >= count:
                    report.add(("panels", index, "audio_description", language), Severity.ERROR,
                               f"the clip has {count} audio track{'s' * (count != 1)} (0 to {count - 1}); "
                               f"there is no track {described} with the description")
    for where, name in narrations_of(exhibit):
        problem = _file_problem(name, folder, "recording", NARRATION_SUFFIXES)
        if problem:
            report.add(where, Severity.ERROR, problem)
    return report.problems[start:] + vtt_problems


def narrations_of(exhibit: Exhibit) -> Iterator[tuple[DataPath, str]]:
    """Every recording an exhibit names (its title page's, then each panel's), with where."""
    for language, name in exhibit.narration.items():
        yield ("narration", language), name
    for index, panel in enumerate(exhibit.panels):
        for language, name in panel.narration.items():
            yield ("panels", index, "narration", language), name


def _file_problem(name: str, folder: Path, kind: str, suffixes: set[str]) -> str | None:
    """Why `name` is not a `kind` (clip, recording) in the folder that the kiosk plays, if it is not."""
    problem = name_problem(name)
    if problem:
        return problem
    target = folder / name
    try:
        if not target.is_file():
            return f"{kind} not found: {name}"
    except OSError as error:
        return f"{name} cannot be read: {os_error_text(error)}"
    if target.suffix.lower() not in suffixes:
        return f"{name} is not a {kind} the kiosk plays: use {', '.join(sorted(suffixes))}"
    return None


def _clip_problem(name: str, folder: Path, probe: ClipProbe | None) -> tuple[str | None, int]:
    problem = _file_problem(name, folder, "clip", CLIP_SUFFIXES)
    if problem:
        return problem, 0
    return probe(folder / name) if probe is not None else (None, 0)


def _check_captions(exhibit: Exhibit, panel: VideoPanel, path: DataPath, folder: Path,
                    report: FileReport) -> list[Problem]:
    if not panel.captions and not panel.no_speech:
        report.add(path, Severity.ERROR, "a clip with speech needs captions: add captions: {en: clip.en.vtt} "
                                         "(WebVTT), or no_speech: true when nothing is said")
    elif not panel.no_speech:
        missing = [language for language in exhibit.all_languages if language not in panel.captions]
        if missing:
            report.add(path + ("captions",), Severity.WARNING,
                       f"no {', '.join(missing)} captions; visitors reading in it see the "
                       f"{next(iter(panel.captions))} captions")
    if panel.transcript is None:
        report.add(path, Severity.WARNING,
                   "no transcript: visitors who cannot hear or see the clip need one (transcript:)")
    located: list[Problem] = []
    for language, name in panel.captions.items():
        problem = name_problem(name)
        target = folder / name
        if problem is None and not target.is_file():
            problem = f"captions not found: {name}"
        if problem is None:
            try:
                text = target.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                problem = f"{name} cannot be read as UTF-8 text: {error}"
            else:
                located += [Problem(display_path(target), line, 1, Severity.ERROR, "", message)
                            for line, message in cue_problems(text)]
        if problem:
            report.add(path + ("captions", language), Severity.ERROR, problem)
    return located

