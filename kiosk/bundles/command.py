"""`kiosk keygen`, `kiosk pack` and `kiosk rollback`: what a museum's content
team and its technicians type; every failure is one sentence and an exit status."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from kiosk.bundles.bundle import SUFFIX, pack
from kiosk.bundles.library import Library
from kiosk.bundles.signing import SecretKey, SignatureError
from kiosk.content.clips import ClipProbe
from kiosk.content.loader import load_catalog
from kiosk.content.problems import summary_line

PASSWORD_VARIABLE = "KIOSK_KEY_PASSWORD"


def _fail(command: str, message: str, status: int = 2) -> int:
    print(f"kiosk {command}: {message}", file=sys.stderr)
    return status


def keygen_command(out: Path, force: bool) -> int:
    """A new signing key: `out` (secret, readable by its owner only) and `out`.pub."""
    public = out.with_name(out.name + ".pub")
    if not force and (out.exists() or public.exists()):
        return _fail("keygen", f"{out} or {public} exists; --force replaces them (and every kiosk must "
                     "then get the new public key)")
    key = SecretKey.generate()
    try:
        descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(key.file_text())
        public.write_text(key.public.file_text(), encoding="utf-8")
    except OSError as error:
        return _fail("keygen", f"cannot write the key: {error}")
    print(f"secret key {out} (keep it with the content team, never on a kiosk)\n"
          f"public key {public}\n\nIn kiosk.yaml on every kiosk:\n\nbundles:\n"
          f"  public_key: {key.public.line()}")
    return 0


def _read_key(path: Path) -> SecretKey:
    text = path.read_text(encoding="utf-8")
    try:
        return SecretKey.parse(text)
    except SignatureError as error:
        if "encrypted" not in str(error):
            raise
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"password for {path}: ")
    if password is None:
        raise SignatureError(f"the key is encrypted: give its password in {PASSWORD_VARIABLE}")
    return SecretKey.parse(text, password)


def pack_command(folder: Path, out: Path, key_file: Path | None, force: bool, probe: ClipProbe | None = None) -> int:
    """Check `folder` as `kiosk validate` does and, with no error, write it as the bundle `out`."""
    if not folder.is_dir():
        return _fail("pack", f"no such exhibits folder: {folder}")
    if not out.name.endswith(SUFFIX):
        return _fail("pack", f"a bundle's name ends in {SUFFIX} (kiosks take only those from their inbox): {out}")
    if out.exists() and not force:
        return _fail("pack", f"{out} exists; --force replaces it")
    try:
        key = _read_key(key_file) if key_file is not None else None
    except (OSError, SignatureError) as error:
        return _fail("pack", f"cannot use the key {key_file}: {error}")
    catalog = load_catalog([folder], probe=probe)
    for problem in catalog.problems:
        print(problem.format())
    summary = summary_line(len(catalog.exhibits), catalog.problems)
    if catalog.errors or not catalog.exhibits:
        return _fail("pack", f"{summary}; nothing packed: fix the errors first", 1)
    try:
        manifest = pack(folder, out, key)
    except OSError as error:
        return _fail("pack", f"cannot write {out}: {error}")
    size = out.stat().st_size
    print(f"{summary}\n{out}: {len(manifest.files)} files, {size / 1e6:.1f} MB, version {manifest.version}, "
          + (f"signed with key {key.public.id}" if key else "UNSIGNED (kiosks with a public_key refuse it)"))
    return 0


def rollback_command(library: Library, list_only: bool) -> int:
    """Back to the version before the current one; a running kiosk follows at its next attract mode."""
    history = library.history()
    if list_only:
        for version in reversed(history):
            print(f"{version}{'   (current)' if version == history[-1] else ''}")
        print(f"{len(history)} versions in {library.folder}" if history else
              f"no bundle has been applied; versions would be kept in {library.folder}")
        return 0
    try:
        previous = library.rollback()
    except LookupError as error:
        return _fail("rollback", str(error), 1)
    except OSError as error:
        return _fail("rollback", f"cannot write {library.state_file}: {error}")
    print(f"rolled back from {history[-1]} to "
          + (previous or "the exhibits folder of kiosk.yaml")
          + "; a running kiosk shows it at its next attract mode")
    return 0
