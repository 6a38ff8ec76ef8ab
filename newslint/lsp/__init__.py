"""The newslint language server (``newslint lsp``): diagnostics and fixes in editors.

* :mod:`~newslint.lsp.server`: the pygls server, debounced linting in a worker thread;
* :mod:`~newslint.lsp.positions`: offsets <-> LSP positions (UTF-16 by default);
* :mod:`~newslint.lsp.diagnostics`: findings -> diagnostics;
* :mod:`~newslint.lsp.actions`: quick fixes, fix all, and disable-for-this-line;
* :mod:`~newslint.lsp.settings`: ``initializationOptions``.
"""
