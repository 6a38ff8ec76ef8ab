"""The suite's rule that a skipped test fails, checked on a small suite of its own."""
from __future__ import annotations

SUITE = """
import pytest

def test_runs():
    assert True

@pytest.mark.skipif(True, reason="needs a server")
def test_marked_skip():
    pass

def test_skips_itself():
    pytest.skip("no data")
"""


def test_a_skip_is_reported_as_a_failure(pytester):
    pytester.makepyfile(SUITE)
    result = pytester.runpytest_inprocess("-p", "tests.no_skips")
    # A skip marker acts at set-up, so that one counts as an error; neither counts as skipped.
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=0)
    result.stdout.fnmatch_lines(["*skipped tests count as failures here*needs a server*"])
