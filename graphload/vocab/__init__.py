"""Shared vocabularies: the words the readers and the builder agree on."""
