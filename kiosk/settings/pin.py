"""The admin PIN: a salted, slow hash, and the gate that checks PINs against it.

The hash is self-describing, so the parameters can be raised later without
breaking PINs already set::

    scrypt$n=16384,r=8,p=1$<salt, base64>$<hash, base64>

`PinGate` locks after repeated wrong PINs, with an injectable clock, so the
lockout is tested without waiting a minute. Plain Python, no Qt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import math
import re
import secrets
import time
from collections.abc import Callable
from enum import Enum

log = logging.getLogger(__name__)

PIN_PATTERN = re.compile(r"[0-9]{4,8}")
PIN_RULE = "the PIN must be 4 to 8 digits (0-9)"

SCRYPT_N, SCRYPT_R, SCRYPT_P = 16384, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_SCRYPT_MEMORY = 64 * 1024 * 1024
"""128 * n * r bytes: a stored hash asking for more is refused, not computed."""
PBKDF2_MIN_ITERATIONS = 200_000
_PBKDF2_MAX_ITERATIONS = 5_000_000


def pin_problem(pin: str) -> str | None:
    """Why `pin` is not acceptable as an admin PIN, or None when it is."""
    return None if isinstance(pin, str) and PIN_PATTERN.fullmatch(pin) else PIN_RULE


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * _MAX_SCRYPT_MEMORY, dklen=length)


def hash_pin(pin: str) -> str:
    """A new salted hash of `pin`; raises ValueError unless it is 4-8 digits."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: object) -> tuple[str, dict[str, int], bytes, bytes] | None:
    """(scheme, parameters, salt, hash) of a well-formed stored hash, else None."""
    if not isinstance(stored, str):
        return None
    parts = stored.strip().split("$")
    if len(parts) != 4:
        return None
    scheme, params_text, salt_text, hash_text = parts
    params: dict[str, int] = {}
    for item in params_text.split(","):
        name, sep, value = item.partition("=")
        if not sep or name in params or not (value.isascii() and value.isdigit()) or len(value) > 9:
            return None
        params[name] = int(value)
    try:
        salt, digest = _unb64(salt_text), _unb64(hash_text)
    except (binascii.Error, ValueError):
        return None
    if len(salt) < 8 or not 16 <= len(digest) <= 64:
        return None
    if scheme == "scrypt":
        if set(params) != {"n", "r", "p"}:
            return None
        n, r, p = params["n"], params["r"], params["p"]
        if n < 2 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16 \
                or 128 * n * r > _MAX_SCRYPT_MEMORY:
            return None
    elif scheme == "pbkdf2_sha256":
        if set(params) != {"i"} or not PBKDF2_MIN_ITERATIONS <= params["i"] <= _PBKDF2_MAX_ITERATIONS:
            return None
    else:
        return None
    return scheme, params, salt, digest


def is_pin_hash(stored: object) -> bool:
    """Whether `stored` is a hash this module can check a PIN against."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str | None) -> bool:
    """Whether `pin` matches `stored`; anything malformed is simply False."""
    parsed = _parse(stored)
    if parsed is None or not isinstance(pin, str):
        return False
    scheme, params, salt, expected = parsed
    try:
        if scheme == "scrypt":
            actual = _scrypt(pin, salt, params["n"], params["r"], params["p"], len(expected))
        else:
            actual = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, params["i"],
                                         dklen=len(expected))
    except (ValueError, MemoryError, OverflowError, UnicodeError):
        return False
    return hmac.compare_digest(actual, expected)


MAX_FAILURES = 5
LOCK_SECONDS = 60.0


class PinResult(Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    """Too many wrong PINs: nothing is checked until the lock ends."""
    NOT_SET = "not set"
    """No usable PIN hash in the settings: the admin screen cannot be opened."""


class PinGate:
    """Checks PINs against the stored hash; `max_failures` wrong PINs in a row
    lock it for `lock_seconds`, after which it starts counting again.

    Without a usable hash (none set, or a hand-edited one) every PIN is refused:
    a kiosk must never open its admin screen to anyone because a PIN is missing.
    """

    def __init__(self, pin_hash: str | None, max_failures: int = MAX_FAILURES,
                 lock_seconds: float = LOCK_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.pin_hash = pin_hash
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds
        self.clock = clock
        self.failures = 0
        self._locked_until: float | None = None
        if not self.configured:
            log.warning("no admin PIN is set, so the admin screen cannot be opened: "
                        "run `kiosk set-pin` to set one")

    @property
    def configured(self) -> bool:
        return is_pin_hash(self.pin_hash)

    @property
    def attempts_left(self) -> int:
        return self.max_failures - self.failures

    def locked_for(self) -> float:
        """Seconds until PINs are accepted again; 0 when they are now."""
        if self._locked_until is None:
            return 0.0
        remaining = self._locked_until - self.clock()
        if remaining <= 0:
            self._locked_until = None
            self.failures = 0
            return 0.0
        return remaining

    def locked_seconds(self) -> int:
        """`locked_for()` rounded up to whole seconds, for showing."""
        return math.ceil(self.locked_for())

    def check(self, pin: str) -> PinResult:
        if not self.configured:
            log.error("a PIN was entered but no admin PIN is set: run `kiosk set-pin`")
            return PinResult.NOT_SET
        if self.locked_for() > 0:
            return PinResult.LOCKED
        if verify_pin(pin, self.pin_hash):
            self.failures = 0
            log.info("admin PIN accepted")
            return PinResult.OK
        self.failures += 1
        if self.failures >= self.max_failures:
            self._locked_until = self.clock() + self.lock_seconds
            log.warning("%d wrong admin PINs: the PIN pad is locked for %.0f s",
                        self.failures, self.lock_seconds)
            return PinResult.LOCKED
        log.warning("wrong admin PIN (%d of %d)", self.failures, self.max_failures)
        return PinResult.WRONG


def holds_no_settings(text: str) -> bool:
    """Whether a settings file's text is empty or only comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
