"""Signatures a museum can make and check with tools it may already use:
minisign's key and signature formats (Ed25519 through PyNaCl), so that
`minisign -G` makes a key `kiosk pack --key` signs with, and `minisign -V`
checks what `kiosk pack` signed.

A public key goes into kiosk.yaml as its one line of base64 ("RWQ...");
the secret key stays with the museum, never on a kiosk.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import time
from dataclasses import dataclass

import nacl.exceptions
import nacl.pwhash
import nacl.signing

SIG_ALG = b"Ed"
PREHASHED = b"ED"
"""Signatures of the BLAKE2b-512 hash of the message: minisign's default."""
KDF_SCRYPT = b"Sc"
KDF_NONE = b"\0\0"
CHECKSUM_ALG = b"B2"
SECRET_KEY_BYTES = 158
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "


class SignatureError(ValueError):
    """A key or signature that cannot be read or does not match: the message says which."""


def _key_id(keynum: bytes) -> str:
    return f"{int.from_bytes(keynum, 'little'):016X}"


def _decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(f"{what} is not base64") from None


def _payload_line(text: str, what: str) -> str:
    """The base64 line of a minisign file, or the text itself when it is that line."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines:
        raise SignatureError(f"{what} is empty")
    return lines[1] if lines[0].startswith(UNTRUSTED) and len(lines) > 1 else lines[0]


@dataclass(frozen=True)
class PublicKey:
    keynum: bytes
    key: bytes

    @property
    def id(self) -> str:
        return _key_id(self.keynum)

    @classmethod
    def parse(cls, text: str) -> PublicKey:
        """A public key: minisign's .pub file or its base64 line."""
        raw = _decode(_payload_line(text, "the public key"), "the public key")
        if len(raw) != 42 or raw[:2] != SIG_ALG:
            raise SignatureError("the public key is not a minisign Ed25519 public key (expected 56 "
                                 "characters of base64 starting with RW)")
        return cls(raw[2:10], raw[10:])

    def line(self) -> str:
        return base64.b64encode(SIG_ALG + self.keynum + self.key).decode()

    def file_text(self) -> str:
        return f"{UNTRUSTED}minisign public key {self.id}\n{self.line()}\n"

    def verify(self, message: bytes, signature_text: str) -> str:
        """The signature's trusted comment, when `signature_text` signs `message` with this key."""
        lines = [line for line in signature_text.splitlines() if line.strip()]
        if len(lines) != 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
            raise SignatureError("the signature is not a minisign signature")
        raw = _decode(lines[1], "the signature")
        if len(raw) != 74 or raw[:2] not in (SIG_ALG, PREHASHED):
            raise SignatureError("the signature is not a minisign Ed25519 signature")
        if raw[2:10] != self.keynum:
            raise SignatureError(f"signed with key {_key_id(raw[2:10])}; this kiosk trusts only key {self.id}")
        signed = hashlib.blake2b(message).digest() if raw[:2] == PREHASHED else message
        comment = lines[2][len(TRUSTED):]
        verifier = nacl.signing.VerifyKey(self.key)
        try:
            verifier.verify(signed, raw[10:])
            verifier.verify(raw[10:] + comment.encode(), _decode(lines[3], "the trusted comment's signature"))
        except nacl.exceptions.BadSignatureError:
            raise SignatureError("the signature does not match: the signed file was changed after signing") from None
        return comment


@dataclass(frozen=True)
class SecretKey:
    keynum: bytes
    signing: nacl.signing.SigningKey

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(os.urandom(8), nacl.signing.SigningKey.generate())

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.keynum, bytes(self.signing.verify_key))

    @classmethod
    def parse(cls, text: str, password: str | None = None) -> SecretKey:
        """A minisign secret key file; an encrypted one needs its `password`."""
        raw = _decode(_payload_line(text, "the secret key"), "the secret key")
        if len(raw) != SECRET_KEY_BYTES or raw[:2] != SIG_ALG or raw[4:6] != CHECKSUM_ALG:
            raise SignatureError("the secret key is not a minisign Ed25519 secret key")
        kdf, salt = raw[2:4], raw[6:38]
        keynum_sk = raw[54:]
        if kdf == KDF_SCRYPT:
            if password is None:
                raise SignatureError("the secret key is encrypted: give its password")
            stream = nacl.pwhash.kdf_scryptsalsa208sha256(
                len(keynum_sk), password.encode(), salt, opslimit=int.from_bytes(raw[38:46], "little"),
                memlimit=int.from_bytes(raw[46:54], "little"))
            keynum_sk = bytes(a ^ b for a, b in zip(keynum_sk, stream, strict=True))
        elif kdf != KDF_NONE:
            raise SignatureError("the secret key uses an unknown encryption")
        keynum, secret, checksum = keynum_sk[:8], keynum_sk[8:72], keynum_sk[72:]
        if kdf == KDF_SCRYPT and checksum != hashlib.blake2b(SIG_ALG + keynum + secret, digest_size=32).digest():
            raise SignatureError("wrong password for the secret key")
        signing = nacl.signing.SigningKey(secret[:32])
        if bytes(signing.verify_key) != secret[32:]:
            raise SignatureError("the secret key is damaged (its two halves do not match)")
        return cls(keynum, signing)

    def file_text(self) -> str:
        """An unencrypted minisign secret key (as `minisign -G -W` writes): keep it
        where only the museum's content team can read it."""
        body = (SIG_ALG + KDF_NONE + CHECKSUM_ALG + bytes(48) + self.keynum
                + bytes(self.signing) + bytes(self.signing.verify_key) + bytes(32))
        return f"{UNTRUSTED}minisign secret key {self.public.id} (unencrypted)\n{base64.b64encode(body).decode()}\n"

    def sign(self, message: bytes, trusted_comment: str | None = None) -> str:
        """A minisign signature of `message` (prehashed, as minisign makes by default)."""
        comment = trusted_comment or f"timestamp:{int(time.time())}"
        signature = self.signing.sign(hashlib.blake2b(message).digest()).signature
        overall = self.signing.sign(signature + comment.encode()).signature
        return (f"{UNTRUSTED}signature from exhibit-kiosk secret key {self.public.id}\n"
                f"{base64.b64encode(PREHASHED + self.keynum + signature).decode()}\n"
                f"{TRUSTED}{comment}\n{base64.b64encode(overall).decode()}\n")
