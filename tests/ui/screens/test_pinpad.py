"""The staff PIN pad, driven by touch."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.settings.pin import PinGate
from tests.conftest import PIN
from tests.helpers.clock import FakeClock
from tests.helpers.touch import centre_in, tap

# --- the PIN pad ---------------------------------------------------------------------


@pytest.fixture
def pad_on(make_window, ctx):
    from kiosk.ui.screens.pinpad import PinPad

    def make(gate: PinGate, tick_ms: int = 50):
        window = make_window()
        pad = PinPad(ctx, gate, window, tick_ms=tick_ms)
        pad.show()
        pad.raise_()
        QTest.qWait(20)
        return window, pad

    return make


def _enter(window, pad, digits: str, ok: bool = True) -> None:
    for digit in digits:
        tap(window, centre_in(window, pad.digit_keys[digit]))
    if ok:
        tap(window, centre_in(window, pad.ok_key))


def test_the_right_pin_unlocks(pad_on, qtbot, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    assert not pad.ok_key.isEnabled(), "a PIN has at least four digits"
    with qtbot.waitSignal(pad.unlocked, timeout=2000):
        _enter(window, pad, PIN)


def test_digits_show_as_dots_only_and_delete_removes_one(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "135", ok=False)
    assert pad.dots.count == 3
    assert all("135" not in label.text() for label in pad.findChildren(QLabel))
    tap(window, centre_in(window, pad.delete_key))
    assert pad.entry == "13" and pad.dots.count == 2


def test_a_wrong_pin_says_so_and_counts_down_the_attempts(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    unlocked = []
    pad.unlocked.connect(lambda: unlocked.append(True))
    _enter(window, pad, "1357")
    assert pad.message.text() == "Wrong PIN. Attempts left: 4"
    assert pad.dots.count == 0 and not unlocked
    _enter(window, pad, "9")
    assert pad.message.text() == "", "typing again clears the message"


def test_five_wrong_pins_lock_the_pad_with_a_live_countdown(pad_on, qtbot, pin_hash):
    clock = FakeClock()
    window, pad = pad_on(PinGate(pin_hash, lock_seconds=60, clock=clock.now))
    for _ in range(5):
        _enter(window, pad, "1111")
    assert pad.message.text() == "Too many wrong PINs. Try again in 60 s"
    keys = [*pad.digit_keys.values(), pad.delete_key, pad.ok_key]
    assert not any(key.isEnabled() for key in keys)
    assert pad.cancel_key.isEnabled()
    tap(window, centre_in(window, pad.digit_keys["1"]))
    assert pad.entry == ""
    clock.time += 42.2
    qtbot.waitUntil(lambda: pad.message.text() == "Too many wrong PINs. Try again in 18 s")
    clock.time += 18
    qtbot.waitUntil(lambda: pad.digit_keys["1"].isEnabled())
    assert pad.message.text() == ""
    with qtbot.waitSignal(pad.unlocked, timeout=2000):
        _enter(window, pad, PIN)


def test_the_lockout_outlives_the_pad(pad_on, ctx, pin_hash):
    from kiosk.ui.screens.pinpad import PinPad

    gate = PinGate(pin_hash, max_failures=1, clock=FakeClock().now)
    window, pad = pad_on(gate)
    _enter(window, pad, "1111")
    again = PinPad(ctx, gate, window)
    assert not again.digit_keys["5"].isEnabled()
    assert again.message.text().startswith("Too many wrong PINs")


def test_cancel_emits_cancelled(pad_on, qtbot, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "12", ok=False)
    with qtbot.waitSignal(pad.cancelled, timeout=1000):
        tap(window, centre_in(window, pad.cancel_key))
    assert pad.entry == ""


def test_without_a_pin_the_pad_says_so_and_only_cancel_works(pad_on):
    window, pad = pad_on(PinGate(None))
    assert pad.message.text() == "Staff access is not set up on this kiosk"
    assert not pad.digit_keys["0"].isEnabled() and pad.cancel_key.isEnabled()


def test_the_pad_speaks_the_visitors_language(pad_on, ctx, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "1111")
    ctx.visit.set_language("ru")
    assert pad.title.text() == "Только для персонала: введите PIN-код"
    assert pad.message.text() == "Неверный PIN-код. Осталось попыток: 4"
    assert pad.cancel_key.text() == "Отмена"


def test_pad_keys_are_large_and_well_spaced(pad_on, ctx, pin_hash):
    _, pad = pad_on(PinGate(pin_hash))
    keys = [b for b in pad.findChildren(QAbstractButton)]
    for key in keys:
        assert min(key.width(), key.height()) >= ctx.mm(20)
    for a, b in itertools.combinations(keys, 2):
        ga, gb = a.geometry(), b.geometry()
        gap = max(gb.left() - ga.right() - 1, ga.left() - gb.right() - 1,
                  gb.top() - ga.bottom() - 1, ga.top() - gb.bottom() - 1)
        assert ctx.metrics.to_mm(gap) >= 13 - 0.05
    top = min(key.mapTo(pad, QPoint()).y() for key in keys)
    assert top >= pad.height() / 2, "the keypad is within reach, in the lower half"


def test_the_pad_follows_the_window_size(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    window.resize(1600, 900)
    QTest.qWait(20)
    assert pad.geometry() == window.rect()


