"""newslint: a copy linter for news articles."""
