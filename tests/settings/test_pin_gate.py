"""The PIN gate: wrong PINs lock it for a while; without a PIN nothing opens."""

from __future__ import annotations

import logging

import pytest

from kiosk.settings.pin import PinGate, PinResult
from tests.conftest import PIN
from tests.helpers.clock import FakeClock

# --- the PIN gate --------------------------------------------------------------------


def test_five_wrong_pins_lock_the_gate_for_a_minute(pin_hash):
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock.now)
    assert gate.check("0000") is PinResult.WRONG
    assert gate.attempts_left == 4
    results = [gate.check("1111") for _ in range(4)]
    assert results == [PinResult.WRONG] * 3 + [PinResult.LOCKED]
    assert gate.locked_seconds() == 60
    clock.time += 59.5
    assert gate.check(PIN) is PinResult.LOCKED, "not even the right PIN opens a locked gate"
    assert gate.locked_seconds() == 1
    clock.time += 0.5
    assert gate.locked_for() == 0 and gate.attempts_left == 5
    assert gate.check(PIN) is PinResult.OK


def test_a_right_pin_resets_the_count(pin_hash):
    gate = PinGate(pin_hash, max_failures=3)
    gate.check("0000")
    gate.check("0000")
    assert gate.check(PIN) is PinResult.OK
    assert gate.attempts_left == 3


@pytest.mark.parametrize("stored", [None, "", "hunter2", "scrypt$n=1$x$y"])
def test_without_a_usable_pin_hash_the_admin_screen_cannot_be_opened(stored, caplog):
    """The safe choice: a missing or hand-edited PIN never means "no PIN needed".
    The technician is told, in the log, how to set one."""
    with caplog.at_level(logging.WARNING, logger="kiosk.operation.admin"):
        gate = PinGate(stored)
    assert not gate.configured
    assert "kiosk set-pin" in caplog.text
    assert gate.check("0000") is PinResult.NOT_SET
    assert gate.check("") is PinResult.NOT_SET


