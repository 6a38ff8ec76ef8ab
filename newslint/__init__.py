"""newslint: a copy linter for news articles.

The public API, used by the CLI, the language server, the tests and the benchmarks::

    import newslint
    findings = newslint.lint_text(text, "story.md")
    report = newslint.lint_paths(["articles/"], jobs=2)
    report = newslint.lint_paths(["archive/"], executor=distributed.Client("tcp://scheduler:8786"))

LanguageTool is opt-in here (``languagetool=True``); the ``newslint check`` command
turns it on unless told otherwise.
"""
from __future__ import annotations

from typing import Iterable

__version__ = "0.1.0"

__all__ = ["lint_text", "lint_paths", "Linter", "LintOptions", "Finding", "Report", "__version__"]


def __getattr__(name: str):
    # Lazy, so `import newslint` stays cheap for tools that only want the version.
    if name in ("Linter", "LintOptions"):
        from newslint import engine

        return getattr(engine, name)
    if name == "Finding":
        from newslint.findings import Finding

        return Finding
    if name == "Report":
        from newslint.results import Report

        return Report
    raise AttributeError(name)


def _linter(config, languagetool: bool, jobs: int = 1, executor=None, **options):
    from newslint.config.loader import load_config
    from newslint.config.model import Config
    from newslint.engine import Linter, LintOptions

    if isinstance(config, str):
        config = load_config(config)
    elif config is not None and not isinstance(config, Config):
        raise TypeError("config must be a Config, a path to a config file, or None")
    if executor is not None and not hasattr(executor, "lint_files"):
        from newslint.execution.cluster import DaskExecutor

        executor = DaskExecutor(client=executor)       # a distributed.Client
    return Linter(LintOptions(languagetool=languagetool, jobs=jobs, **options), config=config, executor=executor)


def lint_text(text: str, filename: str = "-", config=None, *, languagetool: bool = False, **options):
    """Lint ``text`` as if it were the file ``filename`` (its extension picks the format).

    Returns the findings, sorted. Raises :class:`newslint.errors.NewslintError` subclasses
    when the text could not be checked (bad config, LanguageTool unavailable).
    """
    from newslint.errors import NewslintError

    result = _linter(config, languagetool, **options).lint_text(text, filename)
    if result.errors:
        raise NewslintError("; ".join(str(e) for e in result.errors))
    return result.findings


def lint_paths(paths: Iterable[str], config=None, *, languagetool: bool = False, jobs: int = 1,
               executor=None, **options):
    """Lint files and directories; returns a :class:`~newslint.results.Report` (errors included).

    ``executor`` checks the files elsewhere: a ``distributed.Client`` (or a
    :class:`newslint.execution.cluster.DaskExecutor`) spreads them over a Dask cluster;
    the report is the one a local run gives."""
    return _linter(config, languagetool, jobs, executor, **options).lint_paths(list(paths))
