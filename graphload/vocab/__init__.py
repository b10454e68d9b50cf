"""The project's vocabulary: each piece of domain knowledge written once.

- :mod:`graphload.vocab.text`: folding names for comparison, slugs, evidence clipping,
  display scrubbing
- :mod:`graphload.vocab.people`: people's titles, honours and political parties
- :mod:`graphload.vocab.organisations`: organisation aliases ("LGA") and what is a council
- :mod:`graphload.vocab.names_match`: the one spelling-slip rule

Everything here is pure (no I/O) and imports nothing from ``queries`` or ``visualise``.
"""
