"""Proper names in an article: the evidence that a word is a name, spelling variants of
one name, and a desk's list of accepted names (see ``newslint vocab learn``)."""
