"""Long runs of one character in a line (a scraper's filler, a pasted row of blanks)
cost time in proportion to their length: no check reads such a run once per starting
point. Each case is guarded by an alarm far above its cost (well under a second here),
and far below what a check that rescans the run would take (minutes)."""
from __future__ import annotations

import signal

import pytest

from newslint.config.model import Config
from newslint.engine import Linter, LintOptions

RUN = 100_000
STORY = "Library to close\n\nThe council met on Tuesday.\n\n{}\n\nThe mayor said the vote was final.\n"
CASES = {
    "question marks": "x" + "?" * RUN + "=",
    "letters then a question mark": "a" * RUN + "?",
    "blanks after a closing quote": "“We will,” " + " " * RUN + "said the mayor.",
    "letters and question marks": "a?" * (RUN // 2),
    "tabs under a table row": "| a | b |\n" + "\t" * RUN + "\n",
    "quote marks after a full stop": "The end." + "”?" * (RUN // 2) + "x",
    # As a line of a story, where the chrome checks read each line's shape; four times
    # as long, since reading them once per starting point took 15-20 s at RUN.
    "letters": STORY.format("a" * (4 * RUN)),
    "letters and full stops": STORY.format("a." * (2 * RUN)),
    "the characters of an address's name": STORY.format("a.+-" * RUN),
}
GUARD_SECONDS = 20


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("path", ["story.txt", "story.md", "story.html"])
def test_a_long_run_of_one_character_is_read_in_linear_time(name, path):
    linter = Linter(LintOptions(languagetool=False), config=Config())
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GUARD_SECONDS)
    try:
        result = linter.lint_text(CASES[name], path)
    except _TooSlow:
        pytest.fail(f"{name} in {path}: still checking after {GUARD_SECONDS} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert not result.errors
