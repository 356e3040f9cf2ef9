"""Garbage collection in a command-line run: fewer collections during a case file, thresholds
as they were afterwards, and cycles still collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from headway_journal.short_run import YOUNG_THRESHOLD, fewer_collections


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture
def default_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@pytest.mark.usefixtures("default_thresholds")
def test_thresholds_are_raised_inside_and_restored_after() -> None:
    with fewer_collections():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.usefixtures("default_thresholds")
def test_cycles_are_still_collected_in_batches() -> None:
    with fewer_collections(young=2_000):
        first = weakref.ref(_Node())
        for _ in range(20_000):
            _Node()
        assert first() is None  # collected by the raised threshold, not left for the exit


def test_nothing_changes_where_automatic_collection_is_off() -> None:
    before = gc.get_threshold()
    gc.disable()
    try:
        with fewer_collections():
            assert gc.get_threshold() == before
    finally:
        gc.enable()
