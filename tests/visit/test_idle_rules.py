"""When the kiosk counts as idle: the rules, without Qt."""

from __future__ import annotations

from kiosk.visit.idle import IdleRules


def test_idle_comes_a_timeout_after_the_last_input():
    rules = IdleRules(1000, now=0)
    assert rules.remaining_ms(400) == 600
    rules.input(900)
    assert rules.remaining_ms(1500) == 400
    assert rules.remaining_ms(1900) == 0


def test_a_pointer_down_keeps_the_kiosk_awake_until_lifted():
    rules = IdleRules(1000, stuck_ms=60_000, now=0)
    rules.press(0, [0, 1])              # a two-finger pinch
    assert rules.remaining_ms(5000) > 0
    rules.release(6000, [0])            # one finger lifted, one still down
    assert rules.remaining_ms(9000) > 0
    rules.release(10_000, [1])
    assert rules.remaining_ms(10_500) == 500
    assert rules.remaining_ms(11_000) == 0


def test_a_pointer_held_without_any_input_is_eventually_taken_as_lost():
    rules = IdleRules(1000, stuck_ms=5000, now=0)
    rules.press(0, ["mouse"])
    assert rules.remaining_ms(4000) == 1000
    assert rules.remaining_ms(5000) == 0
