"""The encryption primitives of a locked journal: sealed files, the lockbox, derived keys."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway_journal.journal.crypto import keys, lockbox, sealed

# A cheap KDF for tests (the default takes 64 MiB and ~0.1 s per derivation).
FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)
KEY = bytes(range(32))
SMALL = 16  # small chunks, so every test crosses chunk boundaries


@given(st.binary(max_size=5 * SMALL + 3))
@settings(max_examples=60, deadline=None)
def test_sealed_round_trip_any_length(data: bytes) -> None:
    blob = sealed.seal_bytes(KEY, data, chunk_size=SMALL)
    assert sealed.open_bytes(KEY, blob) == data


def test_exact_multiple_of_chunk_and_empty() -> None:
    for data in (b"", b"x" * SMALL, b"y" * (3 * SMALL)):
        assert sealed.open_bytes(KEY, sealed.seal_bytes(KEY, data, chunk_size=SMALL)) == data


def _chunks(blob: bytes) -> tuple[bytes, list[bytes]]:
    head, rest = blob[:29], blob[29:]
    size = SMALL + 16
    return head, [rest[i:i + size] for i in range(0, len(rest), size)]


DATA = b"Ticket #4471920, rep Dana, promised a call back by Friday. " * 2


def test_every_changed_byte_is_found() -> None:
    blob = sealed.seal_bytes(KEY, DATA, chunk_size=SMALL)
    for i in range(len(blob)):
        damaged = bytearray(blob)
        damaged[i] ^= 0x01
        with pytest.raises(sealed.SealedFileDamaged):
            sealed.open_bytes(KEY, bytes(damaged))


def test_every_cut_and_any_appended_byte_are_found() -> None:
    blob = sealed.seal_bytes(KEY, DATA, chunk_size=SMALL)
    for end in range(len(blob)):
        with pytest.raises(sealed.SealedFileDamaged):
            sealed.open_bytes(KEY, blob[:end])
    with pytest.raises(sealed.SealedFileDamaged):
        sealed.open_bytes(KEY, blob + b"\x00")


def test_reordered_dropped_and_repeated_chunks_are_found() -> None:
    head, chunks = _chunks(sealed.seal_bytes(KEY, DATA, chunk_size=SMALL))
    assert len(chunks) > 3
    swapped = [chunks[1], chunks[0], *chunks[2:]]
    dropped = [chunks[0], *chunks[2:]]
    repeated = [chunks[0], chunks[0], *chunks[1:]]
    last_dropped = chunks[:-1]
    for variant in (swapped, dropped, repeated, last_dropped):
        with pytest.raises(sealed.SealedFileDamaged):
            sealed.open_bytes(KEY, head + b"".join(variant))


def test_chunks_of_another_file_do_not_fit() -> None:
    head_a, chunks_a = _chunks(sealed.seal_bytes(KEY, DATA, chunk_size=SMALL))
    _head_b, chunks_b = _chunks(sealed.seal_bytes(KEY, DATA, chunk_size=SMALL))
    with pytest.raises(sealed.SealedFileDamaged):
        sealed.open_bytes(KEY, head_a + chunks_b[0] + b"".join(chunks_a[1:]))


def test_other_key_and_not_sealed_are_refused_in_one_line() -> None:
    blob = sealed.seal_bytes(KEY, DATA)
    with pytest.raises(sealed.SealedFileDamaged, match="another key"):
        sealed.open_bytes(bytes(32), blob)
    with pytest.raises(sealed.SealedFileDamaged, match="not a sealed file"):
        sealed.open_bytes(KEY, b"%PDF-1.7 plain file")


def test_no_plaintext_in_a_sealed_file_and_same_content_seals_differently() -> None:
    a = sealed.seal_bytes(KEY, DATA)
    b = sealed.seal_bytes(KEY, DATA)
    assert a != b
    for needle in (b"Ticket", b"4471920", b"Dana", b"Friday"):
        assert needle not in a


def test_seal_file_is_atomic_private_and_hashes_the_plaintext(tmp_path: Path) -> None:
    import hashlib

    src = tmp_path / "receipt.png"
    src.write_bytes(os.urandom(200_000))
    dest = tmp_path / "store" / "x"
    dest.parent.mkdir()
    digest = sealed.seal_file(KEY, src, dest)
    assert digest == hashlib.sha256(src.read_bytes()).hexdigest()
    assert dest.stat().st_mode & 0o777 == 0o600
    assert sealed.is_sealed(dest) and not sealed.is_sealed(src)
    out = io.BytesIO()
    assert sealed.open_file(KEY, dest, out) == 200_000
    assert out.getvalue() == src.read_bytes()
    assert [p.name for p in dest.parent.iterdir()] == ["x"]  # no temporary file left


def test_lockbox_opens_with_passphrase_and_recovery_key_only(tmp_path: Path) -> None:
    box, master, recovery = lockbox.create_lockbox("correct horse battery", FAST)
    path = tmp_path / lockbox.LOCKBOX_NAME
    lockbox.save_lockbox(path, box)
    again = lockbox.load_lockbox(path)
    assert lockbox.unlock(again, "correct horse battery") == master
    assert lockbox.unlock_with_recovery_key(again, recovery.lower().replace("-", " ")) == master
    with pytest.raises(lockbox.WrongPassphrase, match="does not open"):
        lockbox.unlock(again, "correct horse batterY")
    wrong = lockbox.format_recovery_key(bytes(20))
    with pytest.raises(lockbox.WrongRecoveryKey):
        lockbox.unlock_with_recovery_key(again, wrong)
    text = path.read_text()
    assert master.hex() not in text and recovery not in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_composed_and_decomposed_accents_are_the_same_passphrase() -> None:
    box, master, _ = lockbox.create_lockbox("contrase\u00f1a segura", FAST)
    assert lockbox.unlock(box, "contrasen\u0303a segura") == master


def test_passphrase_change_keeps_master_and_recovery_key() -> None:
    box, master, recovery = lockbox.create_lockbox("first passphrase", FAST)
    new = lockbox.rewrap(box, master, "second passphrase", FAST)
    assert lockbox.unlock(new, "second passphrase") == master
    with pytest.raises(lockbox.WrongPassphrase):
        lockbox.unlock(new, "first passphrase")
    assert lockbox.unlock_with_recovery_key(new, recovery) == master


def test_weak_kdf_is_flagged_for_upgrade_and_scrypt_is_understood() -> None:
    box, master, _ = lockbox.create_lockbox("some passphrase", FAST)
    assert lockbox.needs_stronger_kdf(box)
    scrypt = lockbox.KdfParams(algorithm="scrypt", salt=b"", n=2 ** 10, r=8, p=1)
    old, master2, _ = lockbox.create_lockbox("some passphrase", scrypt)
    assert lockbox.unlock(old, "some passphrase") == master2
    assert lockbox.needs_stronger_kdf(old)
    assert not lockbox.needs_stronger_kdf(
        lockbox.rewrap(box, master, "some passphrase"))  # the default strength


@pytest.mark.parametrize("passphrase", ["short", " leading space", "trailing space "])
def test_weak_or_fragile_passphrases_are_refused(passphrase: str) -> None:
    with pytest.raises(ValueError):
        lockbox.create_lockbox(passphrase, FAST)


@pytest.mark.parametrize("content", [
    "", "not json", "[]", '{"format": "other"}',
    '{"format": "headway-journal-lockbox", "version": 2}',
    '{"format": "headway-journal-lockbox", "version": 1, "kdf": {"algorithm": "md5"}}',
    '{"format": "headway-journal-lockbox", "version": 1, "kdf": {"algorithm": "argon2id",'
    ' "salt": "@@"}, "passphrase": {}, "recovery_key": {}}',
])
def test_a_damaged_lockbox_is_reported_in_one_line(tmp_path: Path, content: str) -> None:
    path = tmp_path / lockbox.LOCKBOX_NAME
    path.write_text(content)
    with pytest.raises(lockbox.LockboxDamaged):
        lockbox.load_lockbox(path)


def test_a_lockbox_is_plain_json_with_its_parameters(tmp_path: Path) -> None:
    box, _, _ = lockbox.create_lockbox("some passphrase", FAST)
    raw = json.loads(box.to_json())
    assert raw["kdf"]["algorithm"] == "argon2id" and raw["kdf"]["memory_kib"] == 8


def test_derived_keys_differ_and_keyed_names_hide_the_content_hash() -> None:
    a = keys.JournalKeys.from_master(bytes(32))
    b = keys.JournalKeys.from_master(bytes([1]) * 32)
    assert len({a.database, a.files, a.names}) == 3
    sha = "ab" * 32
    assert a.keyed_name(sha) != sha and a.keyed_name(sha) != b.keyed_name(sha)
    assert a.keyed_name(sha) == keys.JournalKeys.from_master(bytes(32)).keyed_name(sha)
    assert a.database.hex() not in repr(a)
    assert a.sqlcipher_key_pragma().startswith("PRAGMA key = \"x'")


def test_wrong_tries_wait_longer_each_time() -> None:
    delays = [keys.retry_delay(n) for n in range(10)]
    assert delays[:3] == [0, 0, 0]
    assert delays[3:] == sorted(delays[3:]) and delays[3] > 0 and max(delays) <= 30


def _make_plain(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, summary TEXT)")
        conn.execute("CREATE VIRTUAL TABLE doc USING fts5(body)")
        conn.execute("INSERT INTO contact (summary) VALUES ('Dana promised a refund of 12.50')")
        conn.execute("INSERT INTO doc (body) VALUES ('Ticket 4471920 caf\u00e9')")
        conn.execute("PRAGMA user_version = 7")
    conn.close()


def test_database_encrypts_decrypts_and_keeps_fts(tmp_path: Path) -> None:
    from contextlib import closing

    from headway_journal.journal.crypto import database

    plain = tmp_path / "plain.sqlite3"
    _make_plain(plain)
    k = keys.JournalKeys.from_master(os.urandom(32))
    enc = tmp_path / "enc.sqlite3"
    database.convert_database(plain, enc, src_keys=None, dest_keys=k)
    raw = enc.read_bytes()
    assert not database.is_plain_sqlite(enc) and database.is_plain_sqlite(plain)
    for needle in (b"Dana", b"refund", b"4471920", b"contact", b"SQLite format"):
        assert needle not in raw
    mod = database.dbapi()
    with closing(mod.connect(str(enc))) as conn:
        database.apply_key(conn, k)
        database.check_key(conn)
        assert conn.execute("SELECT rowid FROM doc WHERE doc MATCH '4471920'").fetchall() == [(1,)]
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)
    with closing(mod.connect(str(enc))) as conn:
        database.apply_key(conn, keys.JournalKeys.from_master(bytes(32)))
        with pytest.raises(database.WrongDatabaseKey):
            database.check_key(conn)
    back = tmp_path / "back.sqlite3"
    database.convert_database(enc, back, src_keys=k, dest_keys=None)
    import sqlite3

    with closing(sqlite3.connect(back)) as conn:
        assert conn.execute("SELECT summary FROM contact").fetchone()[0].startswith("Dana")
    with pytest.raises(FileExistsError):
        database.convert_database(plain, back, src_keys=None, dest_keys=k)
    with pytest.raises(database.WrongDatabaseKey):  # a wrong source key leaves no file behind
        database.convert_database(enc, tmp_path / "x.sqlite3",
                                  src_keys=keys.JournalKeys.from_master(bytes(32)), dest_keys=k)
    assert not (tmp_path / "x.sqlite3").exists()
