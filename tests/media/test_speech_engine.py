"""The real speech engine on this machine (Debian's speech-dispatcher with
espeak-ng, installed by tools/install-system-packages.sh) speaks English,
Chinese and Russian through the kiosk's own voice (kiosk.media.speech).

There is no sound card here: ALSA's null device takes the sound, and
speech-dispatcher is told to use ALSA (its default, PulseAudio, is not running).
The engine runs in a child process with its own home, so its daemon's settings
are the test's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.exhibits import PROJECT_ROOT

SPEAK = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech
from kiosk.media.speech import QtVoice

app = QCoreApplication([])
voice, heard, texts = QtVoice(), [], json.loads(sys.argv[1])

def next_text():
    if not texts:
        app.quit()
        return
    language, text = texts.pop(0)
    heard.append({"language": language, "states": []})
    voice.say([text], language)
    heard[-1]["voice"] = voice._speech.voice().name() if voice._speech else None

def state(value):
    heard[-1]["states"].append(value.name)
    if value == QTextToSpeech.State.Ready:
        QTimer.singleShot(50, next_text)

def start():
    engine = voice._engine()
    if engine is None:
        app.quit()
        return
    engine.stateChanged.connect(state)
    next_text()

QTimer.singleShot(0, start)
QTimer.singleShot(20000, app.quit)
app.exec()
print(json.dumps({"heard": heard, "failed": voice.failed}))
"""


def _run(tmp_path: Path, script: str, *args: str) -> dict:
    """`script` in a child process whose speech-dispatcher speaks into ALSA's
    null device; what it printed last, as JSON."""
    home, runtime = tmp_path / "home", tmp_path / "run"
    (home / ".config" / "speech-dispatcher").mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    (home / ".asoundrc").write_text("pcm.!default { type null }\n", encoding="utf-8")
    (home / ".config" / "speech-dispatcher" / "speechd.conf").write_text(
        'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
        "DefaultModule espeak-ng\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_RUNTIME_DIR": str(runtime), "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_speech_dispatcher_and_espeak_ng_speak_every_language(tmp_path):
    texts = [["en", "Films shot in orbit"], ["zh", "在太空拍摄的电影"], ["ru", "Фильмы, снятые на орбите"]]
    result = _run(tmp_path, SPEAK, json.dumps(texts))
    assert result["failed"] is None
    heard = {entry["language"]: entry for entry in result["heard"]}
    assert set(heard) == {"en", "zh", "ru"}, result
    for language, name in (("en", "English"), ("zh", "Chinese (Mandarin"), ("ru", "Russian")):
        assert heard[language]["voice"].startswith(name), heard[language]
        assert heard[language]["states"][:2] == ["Speaking", "Ready"], heard[language]


PLAY = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTextToSpeech import QTextToSpeech
from kiosk.media.speech import QtVoice

app = QCoreApplication([])
voice, heard, files = QtVoice(), {}, [Path(name) for name in sys.argv[1:]]
current = None

def note(what, done):
    heard[current].append(what)
    if done:  # one playing or one utterance, to its end: the next file
        QTimer.singleShot(200, next_one)

def speech(state):
    if state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready) and current:
        note(state.name, state == QTextToSpeech.State.Ready and "Speaking" in heard[current])

def recording(state):
    if current:
        note(state.name, state == QMediaPlayer.PlaybackState.StoppedState)

def next_one():
    global current
    if not files:
        app.quit()
        return
    recording_file = files.pop(0)
    current = recording_file.name
    heard[current] = []
    voice.play(recording_file, ["The page, spoken instead"], "en")

voice._engine().stateChanged.connect(speech)
voice._recordings()._player.playbackStateChanged.connect(recording)
QTimer.singleShot(0, next_one)
QTimer.singleShot(40000, app.quit)
app.exec()
print(json.dumps(heard))
"""


def test_a_curators_recording_plays_and_a_broken_one_is_spoken_instead(tmp_path):
    """Through Qt Multimedia (no sound card here: it plays at the clock's pace);
    a file it cannot open falls back to the synthetic voice, saying the page."""
    recorded, broken = tmp_path / "narration.wav", tmp_path / "broken.mp3"
    subprocess.run(["espeak-ng", "-w", str(recorded), "A curator reads this page"], check=True)
    broken.write_bytes(bytes(range(256)) * 16)
    heard = _run(tmp_path, PLAY, str(recorded), str(broken))
    assert heard == {"narration.wav": ["PlayingState", "StoppedState"], "broken.mp3": ["Speaking", "Ready"]}


def test_without_qt_multimedia_a_recording_is_spoken_instead(qapp, monkeypatch, tmp_path):
    from kiosk.media import multimedia
    from kiosk.media.speech import QtVoice

    monkeypatch.setattr(multimedia, "multimedia_missing", lambda: "Qt Multimedia does not load")
    voice, said = QtVoice(), []
    monkeypatch.setattr(voice, "say", lambda sentences, language: said.append((language, list(sentences))))
    voice.play(tmp_path / "narration.mp3", ["The page"], "ru")
    assert said == [("ru", ["The page"])] and voice._player is None
