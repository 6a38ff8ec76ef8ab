"""HeldInterrupts: Ctrl-C held while a write is under way, raised at once otherwise, and
raised again at the next write when it was lost on the way."""
from __future__ import annotations

import os
import signal

import pytest

from newslint.interrupts import HeldInterrupts


def _press_ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def test_ctrl_c_while_writing_is_raised_when_the_write_ends():
    written = []
    with HeldInterrupts() as held:
        with pytest.raises(KeyboardInterrupt):
            with held.writing():
                _press_ctrl_c()
                written.append("the whole group")
    assert written == ["the whole group"]


def test_ctrl_c_lost_where_it_was_raised_is_raised_at_the_next_write():
    # An exception raised in a __del__ method or an event-loop callback is printed and
    # dropped: the run would go on as if Ctrl-C had not been pressed.
    with HeldInterrupts() as held:
        try:
            _press_ctrl_c()
        except KeyboardInterrupt:
            pass                                     # swallowed, as a __del__ method does
        with pytest.raises(KeyboardInterrupt):
            with held.writing():
                pytest.fail("the write started after Ctrl-C")


def test_a_handled_interrupt_is_not_raised_again():
    with HeldInterrupts() as held:
        with pytest.raises(KeyboardInterrupt):
            _press_ctrl_c()
        held.handled()
        with held.writing():
            pass


def test_the_previous_handler_is_back_afterwards():
    before = signal.getsignal(signal.SIGINT)
    with HeldInterrupts():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


class _ReleasesOnDelete:
    def __del__(self):
        _press_ctrl_c()              # as a Dask future's __del__ can be interrupted


def test_ctrl_c_in_a_del_method_is_not_printed_and_is_raised_at_the_next_write(monkeypatch):
    printed = []
    monkeypatch.setattr("sys.unraisablehook", printed.append)   # what would print the traceback
    with HeldInterrupts() as held:
        obj = _ReleasesOnDelete()
        del obj                      # the KeyboardInterrupt goes to sys.unraisablehook
        with pytest.raises(KeyboardInterrupt):
            with held.writing():
                pass
    assert printed == []


def test_other_exceptions_in_del_methods_are_still_printed(monkeypatch):
    printed = []
    monkeypatch.setattr("sys.unraisablehook", printed.append)

    class _Fails:
        def __del__(self):
            raise ValueError("closing failed")

    with HeldInterrupts():
        obj = _Fails()
        del obj
    assert [u.exc_type for u in printed] == [ValueError]
