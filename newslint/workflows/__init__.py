"""Ways newsrooms run newslint in CI and hooks: changed lines only, baselines, shards.

Each module narrows a run without touching the engine: ``shard`` picks a job's share of
the files, ``diff`` keeps findings on changed lines, ``baseline`` hides known findings.
``scope.lint_scoped`` applies them around :meth:`newslint.engine.Linter.lint_paths`.
"""
