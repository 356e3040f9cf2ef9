"""Outlook .msg files for the tests: a minimal OLE compound file (CFB version 3) writer.

extract-msg only reads .msg files, and none ship with it, so the tests build their own: a root
storage with the message's property streams (``__substg1.0_TTTTPPPP``), a properties stream
(``__properties_version1.0``) and one storage per attachment, laid out as [MS-CFB] says:
512-byte sectors, streams under 4,096 bytes in the mini stream (64-byte sectors), a FAT, a mini
FAT and the directory as a binary tree ordered by name length, then upper-case name.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


@dataclass
class Node:
    name: str
    data: bytes | None = None  # None: a storage
    children: list[Node] = field(default_factory=list)
    sid: int = 0
    start: int = END
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM


def _key(node: Node) -> tuple[int, str]:
    return (len(node.name), node.name.upper())


def _tree(nodes: list[Node]) -> int:
    """Link ``nodes`` as a balanced binary tree by name; the root's id."""
    if not nodes:
        return NOSTREAM
    nodes = sorted(nodes, key=_key)
    mid = len(nodes) // 2
    root = nodes[mid]
    root.left = _tree(nodes[:mid])
    root.right = _tree(nodes[mid + 1:])
    return root.sid


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else END


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` ({"storage/sub/stream": bytes})."""
    root = Node("Root Entry")
    storages = {"": root}
    for path, data in streams.items():
        parts = path.split("/")
        parent = root
        for i, part in enumerate(parts[:-1]):
            key = "/".join(parts[: i + 1])
            if key not in storages:
                storages[key] = Node(part)
                parent.children.append(storages[key])
            parent = storages[key]
        parent.children.append(Node(parts[-1], data))
    nodes: list[Node] = []

    def number(node: Node) -> None:
        node.sid = len(nodes)
        nodes.append(node)
        for c in node.children:
            number(c)

    number(root)
    for n in nodes:
        if n.data is None:
            n.child = _tree(n.children)
    # the mini stream and the big streams
    mini = bytearray()
    minifat: list[int] = []
    big: list[Node] = []
    for n in nodes:
        if n.data is None or not n.data:
            continue
        if len(n.data) < CUTOFF:
            n.start = len(mini) // MINI
            count = -(-len(n.data) // MINI)
            minifat += [0] * count
            _chain(minifat, n.start, count)
            mini += n.data + b"\0" * (count * MINI - len(n.data))
        else:
            big.append(n)
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        first = len(sectors)
        count = max(1, -(-len(data) // SECTOR))
        padded = data + b"\0" * (count * SECTOR - len(data))
        sectors.extend(padded[i * SECTOR:(i + 1) * SECTOR] for i in range(count))
        fat.extend([0] * count)
        _chain(fat, first, count)
        return first

    for n in big:
        assert n.data is not None
        n.start = place(n.data)
    root.start = place(bytes(mini)) if mini else END
    minifat_start = place(b"".join(struct.pack("<I", x) for x in minifat)) if minifat else END
    minifat_count = -(-len(minifat) * 4 // SECTOR) if minifat else 0
    entries = b"".join(_entry(n, len(mini) if n is root else len(n.data or b""))
                       for n in nodes)
    entries += b"\0" * 0  # padding by place()
    dir_start = place(entries + _empty_entries(len(nodes)))
    # the FAT itself: enough sectors to describe every sector including its own
    nfat = 1
    while (len(sectors) + nfat) > nfat * (SECTOR // 4):
        nfat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * nfat
    fat += [FREE] * (nfat * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    sectors.extend(fat_bytes[i * SECTOR:(i + 1) * SECTOR] for i in range(nfat))
    assert nfat <= 109
    difat = [fat_start + i for i in range(nfat)] + [FREE] * (109 - nfat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, CUTOFF, minifat_start,
                            minifat_count, END, 0)
              + b"".join(struct.pack("<I", x) for x in difat))
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _empty_entries(count: int) -> bytes:
    pad = (-count) % 4
    empty = b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) \
        + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", 0, 0)
    return empty * pad


def _entry(n: Node, size: int) -> bytes:
    name = n.name.encode("utf-16-le") + b"\0\0"
    kind = 5 if n.name == "Root Entry" else (1 if n.data is None else 2)
    start = n.start if (kind != 1 and size) else (0 if kind == 1 else END)
    out = (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), kind, 1)
           + struct.pack("<III", n.left, n.right, n.child) + b"\0" * 16 + b"\0" * 4
           + b"\0" * 16 + struct.pack("<IQ", start, size if kind != 1 else 0))
    assert len(out) == 128
    return out


# --- .msg ---------------------------------------------------------------------------------------


def _filetime(when: datetime) -> int:
    return int((when - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)


def _props(entries: list[tuple[int, int, bytes]], top: bool, attachments: int = 0) -> bytes:
    head = (b"\0" * 8 + struct.pack("<IIII", 0, attachments, 0, attachments) + b"\0" * 8
            if top else b"\0" * 8)
    body = b"".join(struct.pack("<II", (pid << 16) | ptype, 6) + value.ljust(8, b"\0")
                    for pid, ptype, value in entries)
    return head + body


def _text(pid: int, value: str) -> tuple[str, bytes]:
    return f"__substg1.0_{pid:04X}001F", value.encode("utf-16-le")


def outlook_message(*, subject: str, body: str = "", html: str | None = None,
                    sender_name: str | None = None, sender_address: str | None = None,
                    sent: datetime | None = None, headers: str | None = None,
                    message_id: str | None = None,
                    attachments: list[tuple[str, bytes]] | None = None) -> bytes:
    """A .msg file of an e-mail (IPM.Note) with these values (None: the property is absent)."""
    streams: dict[str, bytes] = {}
    for pid, value in ((0x001A, "IPM.Note"), (0x0037, subject), (0x1000, body or None),
                       (0x0C1A, sender_name), (0x5D01, sender_address), (0x0C1F, sender_address),
                       (0x007D, headers), (0x1035, message_id)):
        if value is not None:
            name, data = _text(pid, value)
            streams[name] = data
    if html is not None:
        streams["__substg1.0_10130102"] = html.encode("utf-8")
    fixed: list[tuple[int, int, bytes]] = [(0x0E07, 0x0003, struct.pack("<I", 1))]  # read, sent
    if sent is not None:
        fixed.append((0x0039, 0x0040, struct.pack("<Q", _filetime(sent))))
    atts = attachments or []
    streams["__properties_version1.0"] = _props(fixed, True, len(atts))
    streams["__nameid_version1.0/__substg1.0_00020102"] = b""
    streams["__nameid_version1.0/__substg1.0_00030102"] = b""
    streams["__nameid_version1.0/__substg1.0_00040102"] = b""
    for i, (name, data) in enumerate(atts):
        if name == "<embedded>":  # an attached Outlook message: its streams inside
            folder = f"__attach_version1.0_#{i:08X}"
            streams[f"{folder}/__properties_version1.0"] = _props(
                [(0x3705, 0x0003, struct.pack("<I", 5)), (0x0E21, 0x0003, struct.pack("<I", i))],
                False)
            inner = f"{folder}/__substg1.0_3701000D"
            streams[f"{inner}/__substg1.0_001A001F"] = "IPM.Note".encode("utf-16-le")
            streams[f"{inner}/__substg1.0_0037001F"] = data.decode().encode("utf-16-le")
            streams[f"{inner}/__substg1.0_1000001F"] = "Inner body".encode("utf-16-le")
            streams[f"{inner}/__properties_version1.0"] = (
                b"\0" * 24 + struct.pack("<II", (0x0E07 << 16) | 3, 6) + struct.pack("<Q", 1))
            continue
        folder = f"__attach_version1.0_#{i:08X}"
        streams[f"{folder}/__properties_version1.0"] = _props(
            [(0x3705, 0x0003, struct.pack("<I", 1)), (0x0E21, 0x0003, struct.pack("<I", i))],
            False)
        streams[f"{folder}/__substg1.0_37010102"] = data
        streams[f"{folder}/__substg1.0_3707001F"] = name.encode("utf-16-le")
        streams[f"{folder}/__substg1.0_3704001F"] = name[:8].encode("utf-16-le")
    return compound_file(streams)
