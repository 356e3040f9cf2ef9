"""The last page: where the journal's hash chain stood, what the digital signature proves, and
how anyone can check the file."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from .... import i18n
from ..exhibits import Prepared
from .context import Context

__all__ = ["chain_line", "verification"]


def chain_line(seq: int, digest: str) -> str:
    """"record 42 · SHA-256 3fa9c2d81e07…": a timeline entry's place in the chain."""
    return i18n.text("record {seq} · SHA-256 {digest}…").format(seq=seq, digest=digest[:12])


def verification(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The chain head and how to check it (nothing when the data has no chain)."""
    seal = ctx.data.chain
    if seal is None:
        return []
    s = ctx.s
    rows = [
        (i18n.text("Chain head"), i18n.text("record {seq}").format(seq=seal.head_seq)),
        (i18n.text("Head SHA-256"), seal.head_digest),
        (i18n.text("Journal"), i18n.text("chain started {when} (UTC), SHA-256 {digest}").format(
            when=seal.vouches_from[:16].replace("T", " "), digest=seal.journal_id[:12] + "…")),
    ]
    out: list[Flowable] = [
        PageBreak(),
        ctx.heading(i18n.text("How to check this case file"), "section-verification"),
        ctx.p(i18n.text(
            "Every change to the journal this case file was made from is a record in a hash "
            "chain: each record carries the SHA-256 of its own content and of the record before "
            "it, so no entry can be changed, removed or reordered afterwards without breaking "
            "the chain. Each contact in the timeline names the chain record that vouches for it "
            "as printed. When this file was made, the chain stood here:")),
        ctx.kv_table(rows, 110),
        Spacer(1, 10),
        ctx.p(i18n.text(
            "To check: run \"headway-journal verify\" with this PDF file (with the journal open, "
            "it compares every entry with the journal's chain), or \"headway-journal check\" "
            "on the journal, which must report the same head or a later one that continues "
            "it.")),
    ]
    if ctx.data.signature_note:
        out += [Spacer(1, 6), ctx.p(ctx.data.signature_note, s.body)]
    return out
