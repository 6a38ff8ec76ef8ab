import sys

from newslint.cli import main

# Guarded: processes started with "spawn" (Dask's workers) import this module again.
if __name__ == "__main__":
    sys.exit(main())
