"""Each message of an mbox file, read as a stream: memory holds one message at a time.

An mbox is messages one after the other, each starting with a "From " line at the start of the
file or after a blank line. Lines of a message that began with "From " were written as
">From " (mboxrd quotes ">From " too, as ">>From "); one ">" is taken off again. A single
message larger than ``MAX_MESSAGE_BYTES`` stops the reading with ``MboxError``, so a huge file
(a 500 MB mailbox, or a file that is not an mbox at all) never fills memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ... import i18n

__all__ = ["MAX_MESSAGE_BYTES", "MboxError", "is_mbox_start", "iter_mbox"]

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_LINE = 1024 * 1024  # read at most this much per read: a file without newlines stays bounded
_QUOTED_FROM = re.compile(rb"^>+From ")


class MboxError(ValueError):
    """The mbox cannot be read; ``str(e)`` is one sentence."""


def is_mbox_start(head: bytes) -> bool:
    """True when a file beginning with ``head`` is an mbox (its first line is a "From " line)."""
    return head.startswith(b"From ") and b"\n" in head[:1000]


def iter_mbox(path: Path, *, max_message: int = MAX_MESSAGE_BYTES) -> Iterator[bytes]:
    """The bytes of each message of the mbox at ``path``, in order."""
    with open(path, "rb") as f:
        first = f.readline(_LINE)
        if not first.startswith(b"From "):
            raise MboxError(i18n.text("This is not an mbox file (it does not begin with a "
                                      "\u201cFrom \u201d line)."))
        parts: list[bytes] = []
        size = 0
        count = 1
        at_start = True
        prev_blank = False
        while True:
            line = f.readline(_LINE)
            if not line:
                break
            if at_start and prev_blank and line.startswith(b"From "):
                yield _message(parts)
                parts, size, count = [], 0, count + 1
                at_start, prev_blank = True, False
                continue
            if at_start and _QUOTED_FROM.match(line):
                line = line[1:]
            size += len(line)
            if size > max_message:
                raise MboxError(i18n.text(
                    "Message {n} of the mbox is larger than {mb} MB; it was not read.").format(
                        n=count, mb=max_message // (1024 * 1024)))
            parts.append(line)
            ends = line.endswith(b"\n")
            prev_blank = at_start and ends and line.strip(b"\r\n") == b""
            at_start = ends
        yield _message(parts)


def _message(parts: list[bytes]) -> bytes:
    data = b"".join(parts)
    # the blank line before the next "From " line belongs to the mbox, not the message
    if data.endswith(b"\r\n\r\n"):
        return data[:-2]
    if data.endswith(b"\n\n"):
        return data[:-1]
    return data
