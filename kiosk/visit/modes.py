"""How the visitor has asked the kiosk to present itself: larger text, high
contrast, calm motion, controls within reach of a seated visitor, speech.

Plain data, owned by the visit: a visitor changes them from the access sheet
or a key, and every reset returns them to the kiosk's configured defaults, so
the next visitor never inherits a stranger's choice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

TEXT_SCALES = (1.0, 1.5, 2.0)
"""Normal, larger and largest text (the issue: x1.5 and x2)."""


@dataclass(frozen=True)
class DisplayModes:
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    low_reach: bool = False
    audio: bool = False
    """Self-voicing: every screen and control is spoken (kiosk.ui.speech)."""

    def next_text_scale(self) -> DisplayModes:
        """The next text size, round from the largest back to normal."""
        index = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else 0
        return replace(self, text_scale=TEXT_SCALES[(index + 1) % len(TEXT_SCALES)])

    def toggled(self, name: str) -> DisplayModes:
        """The same modes with one on/off mode (high_contrast, ...) switched."""
        value = getattr(self, name)
        if not isinstance(value, bool):
            raise ValueError(f"{name} is not an on/off mode")
        return replace(self, **{name: not value})

    def looks_different(self, other: DisplayModes) -> bool:
        """Whether the screens must be laid out again (speech alone changes no pixel)."""
        return replace(self, audio=False) != replace(other, audio=False)


MODE_NAMES: dict[str, dict[str, object]] = {
    "larger-text": {"text_scale": 1.5}, "largest-text": {"text_scale": 2.0},
    "high-contrast": {"high_contrast": True}, "less-motion": {"reduced_motion": True},
    "low-reach": {"low_reach": True},
}
"""Names for modes on the command line (`kiosk render --mode largest-text`)."""


def named_modes(names: list[str]) -> DisplayModes:
    """The modes of `names` (keys of MODE_NAMES) together."""
    values: dict[str, object] = {}
    for name in names:
        values.update(MODE_NAMES[name])
    return replace(DisplayModes(), **values)  # type: ignore[arg-type]


def modes_label(modes: DisplayModes) -> str:
    """The names of the modes that are on, for a folder name: 'largest-text+high-contrast'."""
    on = [name for name, values in MODE_NAMES.items()
          if all(getattr(modes, key) == value for key, value in values.items())]
    return "+".join(on)
