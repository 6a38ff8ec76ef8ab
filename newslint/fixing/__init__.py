"""Automatic fixes: choose the findings' fixes, apply them to the file text, write back.

* :mod:`~newslint.fixing.edits`: pure text work (which fixes, applied end to start);
* :mod:`~newslint.fixing.files`: bytes <-> text keeping the encoding, atomic writes;
* :mod:`~newslint.fixing.runner`: lint, fix and lint again until nothing changes;
* :mod:`~newslint.fixing.unified_diff`: the unified diff shown by ``--fix --dry-run``.
"""
from newslint.fixing.edits import apply_fixes, choose_fixes
from newslint.fixing.runner import FileFix, FixRun, fix_paths, fix_text

__all__ = ["FileFix", "FixRun", "apply_fixes", "choose_fixes", "fix_paths", "fix_text"]
