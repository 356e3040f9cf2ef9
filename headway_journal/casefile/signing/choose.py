"""Which signer a case file gets: the user's own certificate (a .p12 chosen in Settings, kept
as the journal setting ``signing.p12``; its passphrase is asked for, never stored), else the
journal's own key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...journal.service import JournalService
    from .keys import CaseFileSigner

__all__ = ["P12_SETTING", "PassphraseFn", "casefile_signer", "pick_signer", "use_passphrase"]

P12_SETTING = "signing.p12"
PassphraseFn = Callable[[Path], "bytes | None"]
_provider: list[PassphraseFn | None] = [None]


def use_passphrase(ask: PassphraseFn | None) -> None:
    """Where a chosen certificate's passphrase comes from when a caller gives none: the command
    line's (environment or terminal), the window's (asked once a session)."""
    _provider[0] = ask


def casefile_signer(service: JournalService, passphrase: PassphraseFn | None = None
                    ) -> CaseFileSigner:
    """The signer for this journal's case files; raises ``SigningError`` with a message."""
    from .keys import journal_signer, p12_signer  # pyHanko: only when a file is signed

    chosen = service.get_setting(P12_SETTING, "").strip()
    if chosen:
        path = Path(chosen)
        ask = passphrase if passphrase is not None else _provider[0]
        return p12_signer(path, ask(path) if ask is not None else None)
    return journal_signer(service.folder, service.profile().get("name", ""),
                          create=service.read_only is None)


def pick_signer(service: JournalService, passphrase: PassphraseFn | None = None
                ) -> tuple[CaseFileSigner | None, str | None]:
    """``(signer, None)``; or, when the journal's own key can be neither read nor made (a
    read-only disk), ``(None, why)``: the file is then made unsigned. A certificate the user
    chose that cannot be opened raises ``SigningError``."""
    from .keys import SigningError

    try:
        return casefile_signer(service, passphrase), None
    except SigningError as exc:
        if service.get_setting(P12_SETTING, "").strip():
            raise
        return None, str(exc)
