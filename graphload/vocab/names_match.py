"""The one spelling-slip rule.

Two spellings are "one slip apart" when they differ by exactly one inserted,
deleted or changed letter, or by two neighbouring letters swapped (optimal string
alignment distance 1). The graph merges two people whose folded names are one slip
apart (when they also share an employer or a review); the reports and maps forgive
one slip in a typed name by the same rule, so a name the graph merged is never
refused by ``report`` or ``map``.
"""

from __future__ import annotations


def one_slip_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion,
    substitution or swap of neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def same_or_one_slip(a: str, b: str) -> bool:
    return a == b or one_slip_apart(a, b)


def deletion_keys(name: str) -> set[str]:
    """The name and every string one deletion away: two names within one slip always
    share one of these keys, so candidates come from a dict, not from all pairs."""
    return {name} | {name[:i] + name[i + 1 :] for i in range(len(name))}
