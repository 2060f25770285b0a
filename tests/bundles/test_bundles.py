"""Content bundles as a kiosk receives them: a good one is unpacked beside the
running content and checked; a tampered, foreign-signed, unsigned, truncated,
smuggling or invalid one is refused with one clear sentence, and nothing of it
is kept; versions are kept for rollback and the oldest pruned."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.bundles.bundle import MANIFEST, SIGNATURE, pack
from kiosk.bundles.library import VERSIONS, Library
from kiosk.bundles.signing import SecretKey
from tests.helpers.bundles import rewrite
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit

WHEN = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def museum_key() -> SecretKey:
    return SecretKey.generate()


def exhibits(tmp_path: Path, name: str = "content", title: str = "A good exhibit") -> Path:
    folder = tmp_path / name
    make_exhibit(folder, "first", MINIMAL_EXHIBIT.replace("A good exhibit", title))
    make_exhibit(folder, "second")
    return folder


def bundle(tmp_path: Path, key: SecretKey | None, title: str = "A good exhibit", minutes: int = 0,
           name: str = "museum") -> Path:
    out = tmp_path / f"{name}-{minutes}.kiosk-bundle"
    pack(exhibits(tmp_path, f"src-{name}-{minutes}", title), out, key, WHEN + timedelta(minutes=minutes))
    return out


def library(tmp_path: Path, key: SecretKey | None) -> Library:
    return Library(tmp_path / "library", keep=3, key=key.public if key else None)


def refusal(shelf: Library, path: Path) -> str:
    received = shelf.receive(path)
    assert received.catalog is None and received.problems, "the bundle must be refused"
    kept = list((shelf.folder / VERSIONS).iterdir()) if (shelf.folder / VERSIONS).exists() else []
    assert kept == [], "nothing of a refused bundle is kept"
    return received.problems[0].format()


def test_a_signed_bundle_is_unpacked_checked_and_becomes_current_only_when_activated(tmp_path, museum_key):
    shelf = library(tmp_path, museum_key)
    received = shelf.receive(bundle(tmp_path, museum_key))
    assert received.problems == [] and received.version
    assert [item.id for item in received.catalog.exhibits] == ["first", "second"]
    assert shelf.current() is None, "received is not yet shown"
    shelf.activate(received.version)
    assert shelf.current() == received.version
    assert (shelf.exhibits_folder(received.version) / "first" / "exhibit.yaml").is_file()


@pytest.mark.parametrize(("tamper", "expected"), [
    (lambda name, data: data.replace(b"Short and clear.", b"Changed later.") if name.endswith("exhibit.yaml")
     else data, "holds exhibits/first/exhibit.yaml changed after packing"),
    (lambda name, data: data.replace(b'"packed_by": "exhibit-kiosk', b'"packed_by": "someone else')
     if name == MANIFEST else data,
     "the signature does not match: the signed file was changed after signing"),
    (lambda name, data: None if name == SIGNATURE else data, "is not signed; this kiosk takes only bundles signed"),
    (lambda name, data: None if name.endswith("tile.png") and "second" in name else data,
     "lacks exhibits/second/tile.png that its manifest lists"),
])
def test_a_tampered_bundle_is_refused_with_what_was_changed(tmp_path, museum_key, tamper, expected):
    path = bundle(tmp_path, museum_key)
    rewrite(path, tamper)
    assert expected in refusal(library(tmp_path, museum_key), path)


def test_a_file_added_after_packing_or_a_name_leaving_the_folder_is_refused(tmp_path, museum_key):
    added = bundle(tmp_path, museum_key, minutes=1)
    with zipfile.ZipFile(added, "a") as archive:
        archive.writestr("exhibits/first/extra.yaml", "x")
    assert "holds exhibits/first/extra.yaml, which its manifest does not list" in refusal(
        library(tmp_path, museum_key), added)
    escaping = bundle(tmp_path, museum_key, minutes=2)
    with zipfile.ZipFile(escaping, "a") as archive:
        archive.writestr("exhibits/../../../etc/cron.d/evil", "x")
    assert "a name outside its exhibits folder" in refusal(library(tmp_path, museum_key), escaping)
    assert not (tmp_path / "etc").exists()


def test_a_bundle_signed_with_another_key_is_refused_naming_both_keys(tmp_path, museum_key):
    other = SecretKey.generate()
    message = refusal(library(tmp_path, museum_key), bundle(tmp_path, other))
    assert f"signed with key {other.public.id}; this kiosk trusts only key {museum_key.public.id}" in message


def test_without_a_configured_key_unsigned_bundles_are_taken(tmp_path):
    assert library(tmp_path, None).receive(bundle(tmp_path, None)).catalog is not None


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.999])
def test_a_truncated_bundle_is_refused_as_incomplete(tmp_path, museum_key, keep):
    path = bundle(tmp_path, museum_key)
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])
    assert "is damaged or incomplete, perhaps still being copied" in refusal(
        library(tmp_path, museum_key), path)


def test_a_bundle_with_an_invalid_exhibit_is_refused_with_its_located_problems(tmp_path, museum_key):
    source = exhibits(tmp_path)
    (source / "second" / "exhibit.yaml").write_text("schema: 1\ntitle: Broken\npanels: []\n", encoding="utf-8")
    path = tmp_path / "museum.kiosk-bundle"
    pack(source, path, museum_key, WHEN)  # pack itself does not judge; kiosk pack does, and so does the kiosk
    received = library(tmp_path, museum_key).receive(path)
    assert received.catalog is None
    assert "this bundle is refused: " in received.problems[0].message
    located = [p for p in received.problems if p.file == "museum.kiosk-bundle/exhibits/second/exhibit.yaml"]
    assert located and located[0].line >= 1 and located[0].is_error, [p.format() for p in received.problems]


def test_an_older_bundle_is_passed_over_and_versions_beyond_keep_are_pruned(tmp_path, museum_key):
    shelf = library(tmp_path, museum_key)
    versions = []
    for minutes in range(1, 6):
        received = shelf.receive(bundle(tmp_path, museum_key, f"Version {minutes}", minutes))
        shelf.activate(received.version)
        versions.append(received.version)
    assert shelf.history() == versions[-3:]
    assert sorted(p.name for p in (shelf.folder / VERSIONS).iterdir()) == versions[-3:]
    older = shelf.receive(bundle(tmp_path, museum_key, "Old", 0))
    assert older.catalog is None and not older.problems and "older than the content shown" in older.note


def test_rollback_goes_back_one_version_then_to_the_folder_then_says_there_is_nothing(tmp_path, museum_key):
    shelf = library(tmp_path, museum_key)
    first, second = (shelf.receive(bundle(tmp_path, museum_key, f"V{m}", m)).version for m in (1, 2))
    shelf.activate(first)
    shelf.activate(second)
    assert shelf.rollback() == first and shelf.current() == first
    assert shelf.rollback() is None and shelf.current() is None
    with pytest.raises(LookupError, match="nothing to roll back"):
        shelf.rollback()


def test_an_inbox_ignores_sync_tools_temporary_files_and_files_already_judged(tmp_path, museum_key):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = bundle(tmp_path, museum_key)
    (inbox / ".museum.kiosk-bundle.Xa81qz").write_bytes(b"rsync's half-written copy")
    (inbox / ".syncthing.museum.kiosk-bundle.tmp").write_bytes(b"Syncthing's")
    (inbox / "notes.txt").write_text("not a bundle")
    target = inbox / good.name
    good.rename(target)
    shelf = library(tmp_path, museum_key)
    assert shelf.inbox_files(inbox) == [target]
    shelf.remember(shelf.receive(target).key, "applied")
    assert shelf.inbox_files(inbox) == []
    target.write_bytes(target.read_bytes())  # written again: judged again
    assert shelf.inbox_files(inbox) == [target]


def test_a_damaged_state_file_starts_a_new_history_instead_of_failing(tmp_path, museum_key):
    shelf = library(tmp_path, museum_key)
    shelf.folder.mkdir(parents=True)
    shelf.state_file.write_text("{not json", encoding="utf-8")
    assert shelf.history() == [] and shelf.current() is None
    shelf.activate(shelf.receive(bundle(tmp_path, museum_key)).version)
    assert shelf.current() is not None
