"""Reading a large JSON file a piece at a time, and refusing duplicate keys.

``json.loads`` of an import file holds the whole document (a 127 MB file of a million contacts
became several GB of Python objects). ``JsonFile`` reads it with ijson's incremental parser
instead, in two passes:

1. ``JsonFile.top(streamed)`` reads the top-level object, building every member except the
   elements of the array ``streamed`` (skipped); it also checks the whole file: UTF-8, JSON
   syntax, and nothing after the document. Problems raise ``JsonFileError`` (one line).
2. ``JsonFile.elements(streamed, inner)`` yields each element of that array in turn: an object
   as a ``StreamedObject`` whose array member ``inner`` is itself read one element at a time;
   anything else as its value.

Every object built here (and by ``json.loads`` with ``pairs_hook``) whose keys repeat is a
``DuplicateKeysDict``: ``duplicate_keys(obj)`` lists the keys, so the reader can refuse them
naming the record (``json.loads`` would keep the last value silently).

Numbers are ``int`` or ``float`` as with ``json.loads``; NaN and Infinity are not JSON and are
refused. Never imports Qt.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import ijson

from .safe_echo import echo_path, escape_for_terminal

__all__ = [
    "STREAMED",
    "DuplicateKeysDict",
    "Events",
    "JsonFile",
    "JsonFileError",
    "StreamedObject",
    "duplicate_keys",
    "pairs_hook",
]

_BOM = codecs.BOM_UTF8
_CHUNK = 1 << 16


class JsonFileError(ValueError):
    """The file cannot be read as JSON; the message is one line naming the file."""


class DuplicateKeysDict(dict[str, Any]):
    """A JSON object in which some keys appear more than once (``duplicates`` lists them)."""

    duplicates: list[str]


def duplicate_keys(obj: object) -> list[str]:
    """The keys that appear more than once in the JSON object ``obj`` (none for others)."""
    return list(getattr(obj, "duplicates", ()))


def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads``: marks objects with repeated keys."""
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = DuplicateKeysDict(pairs)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _value in pairs:
        if key in seen and key not in marked.duplicates:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


class _CheckedReader:
    """A binary file whose bytes are checked to be UTF-8 as they are read (BOM skipped)."""

    def __init__(self, fh: IO[bytes], name: str) -> None:
        self.fh = fh
        self.name = name
        self.offset = 0
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        head = fh.read(len(_BOM))
        self.pending = b"" if head == _BOM else head

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for 0 bytes to learn whether the file gives bytes or text
            return b""
        data = self.pending + self.fh.read(_CHUNK if size is None or size < 0 else size)
        self.pending = b""
        try:
            self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise JsonFileError(f"{self.name}: not UTF-8 text (byte {self.offset + exc.start}); "
                                "the file must be JSON in UTF-8") from None
        self.offset += len(data)
        return data


_SCALARS = frozenset(("string", "number", "boolean", "null"))


class Events:
    """ijson's events of one pass over the file, with one event of look-back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = echo_path(path.name)
        self.fh = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.reader = _CheckedReader(self.fh, self.name)
        self.it: Iterator[tuple[str, Any]] = iter(ijson.basic_parse(self.reader, use_float=True,
                                                                    buf_size=_CHUNK))

    def close(self) -> None:
        self.fh.close()

    def next(self) -> tuple[str, Any]:
        try:
            return next(self.it)
        except StopIteration:
            raise JsonFileError(f"{self.name}: not valid JSON: the file ends too early") from None
        except JsonFileError:
            raise
        except ijson.JSONError as exc:
            detail = escape_for_terminal(str(exc).strip().splitlines()[0] if str(exc).strip()
                                         else "a syntax error", None)
            raise JsonFileError(f"{self.name}: not valid JSON: {detail} (near byte "
                                f"{self.reader.offset:,})") from None

    def end(self) -> None:
        """Check that nothing but white space follows the document."""
        try:
            extra = next(self.it, None)
        except ijson.JSONError as exc:
            detail = escape_for_terminal(str(exc).strip().splitlines()[0], None)
            raise JsonFileError(f"{self.name}: not valid JSON: {detail}") from None
        if extra is not None:
            raise JsonFileError(f"{self.name}: not valid JSON: more than one document")

    def build(self, event: str, value: Any, depth: int = 0) -> Any:
        """The value that starts with ``event``."""
        if event in _SCALARS:
            return value
        if depth > 200:
            raise JsonFileError(f"{self.name}: not valid JSON: nested too deeply")
        if event == "start_array":
            items: list[Any] = []
            while True:
                ev, val = self.next()
                if ev == "end_array":
                    return items
                items.append(self.build(ev, val, depth + 1))
        assert event == "start_map", event
        obj: dict[str, Any] = {}
        dupes: list[str] | None = None
        while True:
            ev, val = self.next()
            if ev == "end_map":
                break
            ev2, val2 = self.next()
            if val in obj:
                dupes = (dupes or []) + ([val] if val not in (dupes or []) else [])
            obj[val] = self.build(ev2, val2, depth + 1)
        if dupes:
            marked = DuplicateKeysDict(obj)
            marked.duplicates = dupes
            return marked
        return obj

    def scan(self, inner: str, late_ok: frozenset[str]) -> list[bool]:
        """Read past an array of objects; for each, whether it can be streamed.

        An object can be streamed when its member ``inner`` is an array given once, and only
        members in ``late_ok`` follow it (so the rest is known before ``inner`` is read).
        """
        flags: list[bool] = []
        while True:
            event, _ = self.next()
            if event == "end_array":
                return flags
            if event != "start_map":
                self.skip(event)
                flags.append(False)
                continue
            seen_inner, ok = False, True
            while True:
                event, key = self.next()
                if event == "end_map":
                    break
                event, _ = self.next()
                if seen_inner and key not in late_ok:
                    ok = False
                if key == inner and event == "start_array":
                    ok = ok and not seen_inner
                    seen_inner = True
                self.skip(event)
            flags.append(ok and seen_inner)

    def skip(self, event: str) -> None:
        """Read past the value that starts with ``event``."""
        if event in _SCALARS:
            return
        depth = 1
        nxt = self.next
        while depth:
            ev = nxt()[0]
            if ev == "start_map" or ev == "start_array":
                depth += 1
            elif ev == "end_map" or ev == "end_array":
                depth -= 1


class Streamed:
    """Marks the streamed array member in ``JsonFile.top``'s result."""

    def __repr__(self) -> str:
        return "<streamed array>"


STREAMED = Streamed()


class StreamedObject:
    """An object of the streamed array, with its array member ``inner`` read element by element.

    ``head``: the members before ``inner`` (all of them if there is no such array). Iterate
    ``elements()`` once, then ``tail()`` gives the members after it. ``has_inner`` tells
    whether ``inner`` was an array (streamed) at all.
    """

    def __init__(self, events: Events | None, inner: str, head: dict[str, Any],
                 has_inner: bool, rest: Iterable[Any] = (), tail: dict[str, Any] | None = None
                 ) -> None:
        self._events = events
        self.inner = inner
        self.head = head
        self.has_inner = has_inner
        self._rest = rest
        self._tail = tail
        self._elements_done = not has_inner
        self.streamable = False  # set by JsonFile.elements (see Events.scan)

    @classmethod
    def from_dict(cls, obj: dict[str, Any], inner: str) -> StreamedObject:
        """The same interface over an object already in memory."""
        if not isinstance(obj.get(inner), list):
            return cls(None, inner, obj, False, tail={})
        names = list(obj)
        at = names.index(inner)
        head = type(obj)((k, obj[k]) for k in names[:at])
        tail = {k: obj[k] for k in names[at + 1:]}
        marked = duplicate_keys(obj)
        if marked:
            head = DuplicateKeysDict(head)
            head.duplicates = marked
        return cls(None, inner, head, True, rest=obj[inner], tail=tail)

    def elements(self) -> Iterator[Any]:
        if self._elements_done:
            return
        self._elements_done = True
        if self._events is None:
            yield from self._rest
            return
        ev = self._events
        while True:
            event, value = ev.next()
            if event == "end_array":
                return
            yield ev.build(event, value, 2)

    def tail(self) -> dict[str, Any]:
        """The members after ``inner`` (reads past any elements not read yet)."""
        if self._tail is not None:
            return self._tail
        for _ in self.elements():
            pass
        assert self._events is not None
        self._tail = _read_members(self._events, None, {**self.head, self.inner: None})
        return self._tail

    def materialize(self) -> dict[str, Any]:
        """The whole object, ``inner`` as a list (for objects that cannot be streamed)."""
        elements = list(self.elements())
        tail = self.tail()
        dupes = list(dict.fromkeys([*duplicate_keys(self.head), *duplicate_keys(tail)]))
        whole: dict[str, Any] = DuplicateKeysDict() if dupes else {}
        whole.update(self.head)
        if self.has_inner:
            whole[self.inner] = elements
        whole.update(tail)
        if isinstance(whole, DuplicateKeysDict):
            whole.duplicates = dupes
        return whole


def _read_members(ev: Events, stop_at: str | None, seen: dict[str, Any]
                  ) -> dict[str, Any]:
    """Members of the current object up to (not into) the array member ``stop_at``.

    Returns them; when it stops at ``stop_at``, the key ``stop_at`` maps to STREAMED. A key
    already in ``seen`` (or repeated here) marks the result as having duplicate keys.
    """
    out: dict[str, Any] = {}
    dupes: list[str] = []
    while True:
        event, key = ev.next()
        if event == "end_map":
            break
        event, value = ev.next()
        if key in out or key in seen:
            dupes.append(key)
        if key == stop_at and event == "start_array" and stop_at not in seen:
            out[key] = STREAMED
            break
        out[key] = ev.build(event, value, 2)
    if dupes:
        marked = DuplicateKeysDict(out)
        marked.duplicates = list(dict.fromkeys(dupes))
        return marked
    return out


class JsonFile:
    """A JSON file whose top-level object has one large array member (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = echo_path(path.name)
        self.streamable: list[bool] = []

    def top(self, streamed: str, inner: str = "", late_ok: Iterable[str] = ()) -> Any:
        """Pass 1: the top-level value; if an object, its array member ``streamed`` is STREAMED.

        Reads the whole file, so that a file that is not JSON is refused before anything else,
        and notes which elements of ``streamed`` can be streamed (``Events.scan``).
        """
        late = frozenset(late_ok)
        ev = Events(self.path)
        try:
            event, value = ev.next()
            if event != "start_map":
                result = ev.build(event, value)
            else:
                result = {}
                dupes: list[str] = []
                while True:
                    event, key = ev.next()
                    if event == "end_map":
                        break
                    event, value = ev.next()
                    if key in result:
                        dupes.append(key)
                    if key == streamed and event == "start_array":
                        if key not in result:
                            self.streamable = ev.scan(inner, late)
                        else:
                            ev.skip(event)
                        result[key] = STREAMED
                    else:
                        result[key] = ev.build(event, value, 1)
                if dupes:
                    result = DuplicateKeysDict(result)
                    result.duplicates = list(dict.fromkeys(dupes))
            ev.end()
            return result
        finally:
            ev.close()

    def elements(self, streamed: str, inner: str) -> Iterator[Any]:
        """Pass 2: each element of the top-level array ``streamed`` (see the module doc).

        Each yielded StreamedObject must be finished (``tail()``) before the next is asked for;
        this generator does it when the caller did not.
        """
        ev = Events(self.path)
        try:
            event, _ = ev.next()
            if event != "start_map":
                return
            while True:
                event, key = ev.next()
                if event == "end_map":
                    return
                event, value = ev.next()
                if key != streamed or event != "start_array":
                    ev.skip(event)
                    continue
                index = 0
                while True:
                    event, value = ev.next()
                    if event == "end_array":
                        break
                    index += 1
                    if event != "start_map":
                        yield ev.build(event, value, 1)
                        continue
                    head = _read_members(ev, inner, {})
                    has_inner = head.get(inner) is STREAMED
                    if has_inner:
                        del head[inner]
                    obj = StreamedObject(ev, inner, head, has_inner,
                                         tail=None if has_inner else {})
                    obj.streamable = (has_inner and index <= len(self.streamable)
                                      and self.streamable[index - 1])
                    yield obj
                    obj.tail()
                return  # the first such member only (a repeated one is refused by pass 1)
        finally:
            ev.close()
