"""The engine: files -> documents -> checks -> findings.

Everything hangs off a :class:`Linter` (no process-global state), so the same code runs
in the CLI, the language server, the tests, the benchmarks, and inside any worker of a
distributed run. Per-file problems become :class:`~newslint.findings.FileError` entries;
one bad file never stops the others. One module per job:

- ``options``: the run's switches (:class:`LintOptions`)
- ``files``: paths expanded and folders walked, a file's bytes read
- ``rulebook``: one config's compiled checks (:class:`RuleBook`)
- ``selection``: levels, ``--select``/``--ignore``, ``--min-level``
- ``linter``: the :class:`Linter` and its check loop
- ``mapping``: a hit becomes a finding (positions, fix policy)
- ``folding``: one problem, one finding
- ``ordering``: results in path order, for streaming
- ``pool``: ``-j N`` worker processes
"""
from newslint.engine.files import SKIPPED_DIRS
from newslint.engine.linter import Linter
from newslint.engine.options import LintOptions
from newslint.engine.rulebook import RuleBook

__all__ = ["SKIPPED_DIRS", "LintOptions", "Linter", "RuleBook"]
