"""machi.heap: the heap is frozen once per batch of imports, and collection still works after."""

import gc
import sys
import types
import weakref

import pytest

from machi.ui import heap


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(heap, "_modules_seen", 0)
    yield
    gc.unfreeze()


def test_freezes_once_per_batch_of_imports(fresh, monkeypatch):
    assert heap.freeze_imported() is True
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the interpreter, pytest, streamlit…: everything alive was moved
    assert heap.freeze_imported() is False  # nothing imported since: no second collection
    monkeypatch.setitem(sys.modules, "machi_heap_test_module", types.ModuleType("machi_heap_test_module"))
    assert heap.freeze_imported() is True  # a run that imported something freezes again


def test_objects_made_after_the_freeze_are_still_collected(fresh):
    heap.freeze_imported()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle: only the collector can free it
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None


def test_frozen_objects_are_still_freed_when_unreferenced(fresh):
    class Thing:
        pass

    thing = Thing()
    gone = weakref.ref(thing)
    heap.freeze_imported()
    del thing  # no cycle: freed by its reference count, frozen or not
    assert gone() is None


def test_the_app_freezes_after_its_first_run(fresh):
    from tests.apptest_support import open_page

    gc.unfreeze()
    open_page(None)  # app.py on the home page, in this process
    assert heap._modules_seen > 0  # app.py called it after the page
    assert gc.get_freeze_count() > 10_000
