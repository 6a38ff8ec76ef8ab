"""Shipped rule packs, installed as the package newslint._rules."""
