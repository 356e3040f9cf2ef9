"""Garbage collection in a command-line run: fewer collections during a case file, thresholds
as they were afterwards, cycles still collected, and what a command loads kept out of the
collector's sight."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from headway_journal.short_run import YOUNG_THRESHOLD, fewer_collections, loading


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def automatic_collection() -> Iterator[None]:
    """Each test starts with automatic collection on, as a command-line process does (a
    window made earlier in this worker switches it off: ``ui.gc_guard``), and leaves it as
    it found it."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


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


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """``loading`` freezes what exists; the test process gets it back afterwards."""
    try:
        yield
    finally:
        gc.unfreeze()


@pytest.mark.usefixtures("unfrozen")
def test_loading_runs_without_the_collector_and_freezes_what_it_made() -> None:
    assert gc.isenabled()
    with loading():
        assert not gc.isenabled()
        made = [_Node() for _ in range(1_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)  # out of every later collection's walk
    assert all(not any(node is x for x in gc.get_objects()) for node in made[:3])
    with pytest.raises(RuntimeError), loading():
        raise RuntimeError("a journal that would not open")
    assert gc.isenabled()


@pytest.mark.usefixtures("unfrozen")
def test_cycles_made_after_loading_are_still_collected() -> None:
    with loading():
        pass
    later = weakref.ref(_Node())
    gc.collect()
    assert later() is None


def test_loading_changes_nothing_where_automatic_collection_is_off() -> None:
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        with loading():
            assert not gc.isenabled()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.enable()
