"""One file that carries a whole exhibits folder to many kiosks.

A bundle is a zip file (open it with any archive tool to see what is inside):

- `exhibits/...`: the exhibits folder as packed;
- `manifest.json`: its name, when it was packed, and the SHA-256 and size of
  every file;
- `manifest.json.minisig`: the manifest's minisign signature, when packed
  with the museum's key.

Unpacking checks all of it before anything is used: the signature against
the key the kiosk trusts, that the archive holds exactly the files of the
manifest, each with its hash, and that no name leaves the folder. Any
mismatch is a BundleRefused with one sentence saying what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk import __version__
from kiosk.bundles.signing import PublicKey, SecretKey, SignatureError
from kiosk.bundles.versions import version_name

SUFFIX = ".kiosk-bundle"
FORMAT = "exhibit-kiosk-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = MANIFEST + ".minisig"
CONTENT = "exhibits"
MAX_MANIFEST_BYTES = 16 << 20
FREE_SPACE_MARGIN = 256 << 20
"""Unpacking leaves at least this much of the disk free: the logs and statistics need it."""
ALREADY_COMPRESSED = frozenset({".jpg", ".jpeg", ".png", ".webp", ".mp4", ".m4v", ".mov", ".webm",
                                ".mkv", ".mp3", ".m4a", ".ogg", ".opus", ".zip"})
CHUNK = 1 << 20


class BundleRefused(Exception):
    """What is wrong with a bundle, in one sentence for the admin screen and the log."""


@dataclass(frozen=True)
class Manifest:
    name: str
    created: datetime
    files: dict[str, tuple[str, int]]
    """Path inside the bundle -> (SHA-256, size)."""
    digest: str
    """SHA-256 of the manifest as signed."""

    @property
    def version(self) -> str:
        """A name for this content that sorts by when it was packed."""
        return version_name(self.created, self.digest)

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        try:
            fields = json.loads(data)
            if fields.get("format") != FORMAT:
                raise BundleRefused("is not an exhibit-kiosk bundle (its manifest says another format)")
            if fields.get("format_version") != FORMAT_VERSION:
                raise BundleRefused(f"has bundle format {fields.get('format_version')!r}; this kiosk reads "
                                    f"format {FORMAT_VERSION} (update the kiosk, or pack with its version)")
            created = datetime.fromisoformat(fields["created"]).astimezone(timezone.utc)
            files = {str(name): (str(entry["sha256"]), int(entry["size"]))
                     for name, entry in fields["files"].items()}
            return cls(str(fields["name"]), created, files, hashlib.sha256(data).hexdigest())
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BundleRefused(f"has a manifest that cannot be read ({error})") from None


def _content_files(folder: Path) -> list[Path]:
    """The files of an exhibits folder, hidden ones (editors' and sync tools' own) left out."""
    found: list[Path] = []
    for here, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found.extend(Path(here, name) for name in sorted(files) if not name.startswith("."))
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def pack(folder: Path, out: Path, key: SecretKey | None = None, now: datetime | None = None) -> Manifest:
    """Write `folder` as the bundle `out`, signed with `key` when given. The file
    appears whole or not at all (written under a hidden name, then renamed), so
    an inbox or a sync tool never takes half a bundle."""
    created = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    members = {f"{CONTENT}/{path.relative_to(folder).as_posix()}": path for path in _content_files(folder)}
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "name": out.name.removesuffix(SUFFIX),
        "created": created.isoformat(), "packed_by": f"exhibit-kiosk {__version__}",
        "files": {name: {"sha256": _sha256(path), "size": path.stat().st_size} for name, path in members.items()},
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    partial = out.with_name(f".{out.name}.partial")
    with zipfile.ZipFile(partial, "w") as archive:
        archive.writestr(MANIFEST, data, zipfile.ZIP_DEFLATED)
        if key is not None:
            archive.writestr(SIGNATURE, key.sign(data, f"timestamp:{int(created.timestamp())}\tfile:{out.name}"))
        for name, path in members.items():
            method = zipfile.ZIP_STORED if path.suffix.lower() in ALREADY_COMPRESSED else zipfile.ZIP_DEFLATED
            archive.write(path, name, method)
    os.replace(partial, out)
    return Manifest.parse(data)


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (not path.is_absolute() and "\\" not in name and ":" not in name
            and path.parts[:1] == (CONTENT,) and ".." not in path.parts and len(path.parts) > 1)


def _checked_members(archive: zipfile.ZipFile, manifest: Manifest) -> list[zipfile.ZipInfo]:
    files = []
    for info in archive.infolist():
        if info.filename in (MANIFEST, SIGNATURE) or info.is_dir():
            continue
        if not _safe_name(info.filename):
            raise BundleRefused(f"holds {info.filename!r}, a name outside its exhibits folder")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BundleRefused(f"holds {info.filename}, a symbolic link (bundles carry only files)")
        if info.filename not in manifest.files:
            raise BundleRefused(f"holds {info.filename}, which its manifest does not list (added after packing)")
        files.append(info)
    missing = sorted(set(manifest.files) - {info.filename for info in files})
    if missing:
        raise BundleRefused(f"lacks {missing[0]}" + (f" and {len(missing) - 1} more files" if len(missing) > 1 else "")
                            + " that its manifest lists")
    return files


def _verify_signature(archive: zipfile.ZipFile, manifest_data: bytes, key: PublicKey | None) -> None:
    if key is None:
        return
    if SIGNATURE not in archive.namelist():
        raise BundleRefused(f"is not signed; this kiosk takes only bundles signed with key {key.id} "
                            "(bundles.public_key in kiosk.yaml)")
    try:
        key.verify(manifest_data, archive.read(SIGNATURE).decode("utf-8", "replace"))
    except SignatureError as error:
        raise BundleRefused(f"is refused: {error}") from None


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, manifest: Manifest, into: Path) -> None:
    expected_hash, expected_size = manifest.files[info.filename]
    target = into.joinpath(*PurePosixPath(info.filename).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with archive.open(info) as source, target.open("wb") as sink:
        while size <= expected_size and (chunk := source.read(CHUNK)):
            digest.update(chunk)
            sink.write(chunk)
            size += len(chunk)
    if size != expected_size or digest.hexdigest() != expected_hash:
        raise BundleRefused(f"holds {info.filename} changed after packing (its content does not match the manifest)")


def unpack(bundle: Path, into: Path, key: PublicKey | None) -> Manifest:
    """Check `bundle` and write its files under `into` (which must not exist yet);
    `into/exhibits` is then the exhibits folder. On BundleRefused, whatever
    was written is left for the caller to remove."""
    try:
        with zipfile.ZipFile(bundle) as archive:
            try:
                info = archive.getinfo(MANIFEST)
            except KeyError:
                raise BundleRefused("has no manifest.json: it is not an exhibit-kiosk bundle") from None
            if info.file_size > MAX_MANIFEST_BYTES:
                raise BundleRefused("has a manifest too large to be one")
            data = archive.read(MANIFEST)
            _verify_signature(archive, data, key)
            manifest = Manifest.parse(data)
            members = _checked_members(archive, manifest)
            need = sum(size for _hash, size in manifest.files.values()) + FREE_SPACE_MARGIN
            into.mkdir(parents=True)
            if shutil.disk_usage(into).free < need:
                raise BundleRefused(f"needs {need >> 20} MB of free disk to unpack; the kiosk has less")
            for member in members:
                _extract(archive, member, manifest, into)
            (into / MANIFEST).write_bytes(data)
            return manifest
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError) as error:
        raise BundleRefused(f"is damaged or incomplete, perhaps still being copied ({error})") from None
