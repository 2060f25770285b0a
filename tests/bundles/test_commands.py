"""What the content team types: `kiosk keygen`, `kiosk pack`, `kiosk rollback`;
and the signatures checked against the real minisign (Debian's package), so
that a museum can make its key with minisign and check a bundle without the kiosk."""

from __future__ import annotations

import subprocess
import zipfile

from kiosk.bundles.bundle import MANIFEST, SIGNATURE
from kiosk.bundles.signing import PublicKey, SecretKey, SignatureError
from kiosk.cli import main
from tests.helpers.exhibits import make_exhibit


def exhibits(tmp_path):
    make_exhibit(tmp_path / "content", "first")
    return tmp_path / "content"


def test_keygen_then_pack_signs_a_bundle_that_minisign_verifies(tmp_path, capsys):
    key = tmp_path / "museum.key"
    assert main(["keygen", "-o", str(key)]) == 0
    public_line = capsys.readouterr().out.split("public_key: ")[1].strip()
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert PublicKey.parse((tmp_path / "museum.key.pub").read_text()).line() == public_line
    out = tmp_path / "museum.kiosk-bundle"
    assert main(["pack", str(exhibits(tmp_path)), "-o", str(out), "--key", str(key)]) == 0
    assert "1 exhibit, 0 errors" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        (tmp_path / MANIFEST).write_bytes(archive.read(MANIFEST))
        (tmp_path / SIGNATURE).write_bytes(archive.read(SIGNATURE))
    checked = subprocess.run(["minisign", "-V", "-m", str(tmp_path / MANIFEST), "-P", public_line],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0 and "Signature and comment signature verified" in checked.stdout + checked.stderr


def test_pack_signs_with_a_key_minisign_made_with_or_without_a_password(tmp_path, capsys, monkeypatch):
    plain, locked = tmp_path / "plain.key", tmp_path / "locked.key"
    subprocess.run(["minisign", "-G", "-W", "-p", f"{plain}.pub", "-s", str(plain)], check=True,
                   capture_output=True, timeout=30)
    subprocess.run(["minisign", "-G", "-p", f"{locked}.pub", "-s", str(locked)], input="secret\nsecret\n",
                   check=True, capture_output=True, text=True, timeout=60)
    for key, password in ((plain, None), (locked, "secret")):
        if password:
            monkeypatch.setenv("KIOSK_KEY_PASSWORD", password)
        out = tmp_path / f"{key.stem}.kiosk-bundle"
        assert main(["pack", str(exhibits(tmp_path)), "-o", str(out), "--key", str(key)]) == 0, capsys.readouterr()
        public = PublicKey.parse((tmp_path / f"{key.name}.pub").read_text())
        with zipfile.ZipFile(out) as archive:
            public.verify(archive.read(MANIFEST), archive.read(SIGNATURE).decode())
    monkeypatch.setenv("KIOSK_KEY_PASSWORD", "wrong")
    assert main(["pack", str(exhibits(tmp_path)), "-o", str(tmp_path / "x.kiosk-bundle"), "--key", str(locked)]) == 2
    assert "wrong password for the secret key" in capsys.readouterr().err


def test_a_signature_minisign_made_is_verified_and_a_changed_file_is_not(tmp_path):
    key = tmp_path / "k"
    subprocess.run(["minisign", "-G", "-W", "-p", f"{key}.pub", "-s", str(key)], check=True, capture_output=True)
    message = tmp_path / "message"
    message.write_bytes(b"the manifest")
    subprocess.run(["minisign", "-S", "-s", str(key), "-m", str(message), "-t", "made by minisign"], check=True,
                   capture_output=True)
    public = PublicKey.parse((tmp_path / "k.pub").read_text())
    signature = (tmp_path / "message.minisig").read_text()
    assert public.verify(b"the manifest", signature) == "made by minisign"
    for changed_message, changed_signature in ((b"the manifesto", signature),
                                              (b"the manifest", signature.replace("made by", "forged by"))):
        try:
            public.verify(changed_message, changed_signature)
        except SignatureError as error:
            assert "does not match" in str(error)
        else:
            raise AssertionError("a changed file or trusted comment must not verify")


def test_pack_refuses_a_folder_with_errors_and_writes_nothing(tmp_path, capsys):
    folder = exhibits(tmp_path)
    (folder / "first" / "exhibit.yaml").write_text("schema: 1\ntitle: x\npanels: []\n", encoding="utf-8")
    out = tmp_path / "museum.kiosk-bundle"
    assert main(["pack", str(folder), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "exhibit.yaml:3:" in captured.out and "nothing packed: fix the errors first" in captured.err
    assert not out.exists() and not list(tmp_path.glob(".*partial"))


def test_pack_says_what_is_wrong_with_its_arguments(tmp_path, capsys):
    folder = exhibits(tmp_path)
    assert main(["pack", str(tmp_path / "absent"), "-o", str(tmp_path / "a.kiosk-bundle")]) == 2
    assert main(["pack", str(folder), "-o", str(tmp_path / "a.zip")]) == 2
    (tmp_path / "bad.key").write_text("untrusted comment: x\nnot a key\n")
    assert main(["pack", str(folder), "-o", str(tmp_path / "a.kiosk-bundle"), "--key", str(tmp_path / "bad.key")]) == 2
    err = capsys.readouterr().err
    assert "no such exhibits folder" in err and "ends in .kiosk-bundle" in err and "bad.key" in err
    assert main(["pack", str(folder), "-o", str(tmp_path / "a.kiosk-bundle")]) == 0
    assert "UNSIGNED" in capsys.readouterr().out
    assert main(["pack", str(folder), "-o", str(tmp_path / "a.kiosk-bundle")]) == 2
    assert "exists; --force replaces it" in capsys.readouterr().err


def test_rollback_without_any_bundle_says_so_and_lists_nothing(tmp_path, capsys):
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"bundles:\n  library: {tmp_path / 'library'}\n", encoding="utf-8")
    assert main(["rollback", "--config", str(config)]) == 1
    assert "nothing to roll back" in capsys.readouterr().err
    assert main(["rollback", "--list", "--config", str(config)]) == 0
    assert "no bundle has been applied" in capsys.readouterr().out


def test_a_secret_key_file_round_trips_and_a_damaged_one_is_named(tmp_path):
    key = SecretKey.generate()
    assert SecretKey.parse(key.file_text()).public == key.public
    line = key.file_text().splitlines()[1]
    damaged = key.file_text().replace(line, line[:100] + "A" * 10 + line[110:])  # within the secret half
    try:
        SecretKey.parse(damaged)
    except SignatureError as error:
        assert "damaged" in str(error)
    else:
        raise AssertionError("a damaged secret key must be refused")
