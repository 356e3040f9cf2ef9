"""The command line's passphrase: from a private file, the environment's file or a prompt;
never from the arguments; a script without either is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from headway_journal.journal.crypto.passphrase_input import (
    ENV_FILE,
    PassphraseUnavailable,
    read_passphrase,
)


def _file(tmp_path: Path, content: bytes, mode: int = 0o600) -> Path:
    path = tmp_path / "pass"
    path.write_bytes(content)
    path.chmod(mode)
    return path


@pytest.mark.parametrize("content, expected", [
    (b"correct horse\n", "correct horse"),
    (b"correct horse\r\n", "correct horse"),
    (b"  spaces kept  \nsecond line ignored\n", "  spaces kept  "),
    ("contrase\u00f1a".encode(), "contrase\u00f1a"),
])
def test_the_first_line_of_a_private_file(tmp_path: Path, content: bytes, expected: str) -> None:
    assert read_passphrase(str(_file(tmp_path, content)), environ={}) == expected


def test_the_option_wins_over_the_environment(tmp_path: Path) -> None:
    option = _file(tmp_path, b"from option\n")
    other = tmp_path / "other"
    other.write_text("from env\n")
    other.chmod(0o600)
    assert read_passphrase(str(option), environ={ENV_FILE: str(other)}) == "from option"
    assert read_passphrase(None, environ={ENV_FILE: str(other)}) == "from env"


@pytest.mark.parametrize("content, mode, message", [
    (b"secret\n", 0o644, "other users"),
    (b"secret\n", 0o640, "other users"),
    (b"\n", 0o600, "empty"),
    (b"", 0o600, "empty"),
    (b"\xff\xfe bad", 0o600, "not UTF-8"),
    (b"x" * 5000, 0o600, "too big"),
])
def test_unsafe_or_useless_files_are_refused(tmp_path: Path, content: bytes, mode: int,
                                             message: str) -> None:
    with pytest.raises(PassphraseUnavailable, match=message):
        read_passphrase(str(_file(tmp_path, content, mode)), environ={})


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(PassphraseUnavailable, match="Cannot read"):
        read_passphrase(str(tmp_path / "nope"), environ={})


def test_a_terminal_is_asked_and_a_script_is_refused() -> None:
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return "typed secret"

    assert read_passphrase(None, environ={}, ask=ask, interactive=True) == "typed secret"
    assert asked == ["Passphrase: "]
    with pytest.raises(PassphraseUnavailable, match="--passphrase-file"):
        read_passphrase(None, environ={}, ask=ask, interactive=False)

    def cancelled(prompt: str) -> str:
        raise EOFError

    with pytest.raises(PassphraseUnavailable, match="No passphrase"):
        read_passphrase(None, environ={}, ask=cancelled, interactive=True)
