"""The visitor's session as a plain-Python model that Qt views observe.

Kept free of Qt so that idle reset and statistics can reason about it, and
so that views stay thin: they subscribe, they never own the state.
"""

from __future__ import annotations

from typing import Callable

Listener = Callable[[str], None]


class Session:
    def __init__(self, default_language: str, languages: list[str]):
        self.default_language = default_language
        self.languages = languages
        self.language = default_language
        self._listeners: list[Listener] = []

    def on_language_changed(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set_language(self, language: str) -> None:
        if language == self.language or language not in self.languages:
            return
        self.language = language
        for listener in list(self._listeners):
            listener(language)
