"""Organisations that are not in the councils register, found and typed by their names.

Fire and rescue services and town and parish councils can be the body a review is
of; NHS bodies, police, companies and the LGA appear as peers' employers. Each keeps
the name the document gives it and a ``type`` ("fire and rescue service", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphload.model import organisation_id
from graphload.records import Ref, RefKind

# Capitalised words (with the joiners names use) before a typed ending.
# "Council" leads only a fire service ("Warwickshire County Council Fire and Rescue
# Service"): "Chippenham Town Council in Wiltshire and Knutsford Town Council" names two.
_LEAD = (
    r"(?:(?!Councils?\b(?!\s+Fire\b))[A-Z][\w'’.-]*\s+"
    r"(?:(?:and|&|of|the|upon|on|in)\s+){0,2}){1,6}"
)
_TYPED = re.compile(
    rf"(?P<name>{_LEAD}(?:"
    r"(?P<fire>Fire\s+(?:and|&)\s+Rescue\s+(?:Service|Authority)|Fire\s+Authority|Fire\s+Service"
    # "Lincolnshire Fire and Rescue" with no "Service" (not "Chief Fire and Rescue Adviser")
    r"|Fire\s+(?:and|&)\s+Rescue\b(?!\s+[A-Z])(?<!Chief\sFire\sand\sRescue))"
    r"|(?P<local>(?:Town|Parish|Community|Village|Neighbourhood)\s+Council)))"
)
# "Warwickshire County Council Fire and Rescue Service" is Warwickshire Fire and Rescue Service.
_KEY_NOISE = re.compile(r"\b(?:County |City |Borough )?Council\s+(?=Fire\b)")
_LOCAL_HINT = re.compile(r"(?:Town|Parish|Community|Village|Neighbourhood)\s+Council")
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,7})\)")
_ROLE_BEFORE = re.compile(
    r"^.*\b(?:Chief|Executive|Director|Officer|Head|Leader|Manager|Member|Councillor|Cllr|"
    r"Commissioner|Chair\w*|former|formerly)\b.*?\b(?:of|at|from|for)\s+"
)
_STOP_LEADS = {"The", "A", "An", "Our", "This", "Each", "Every", "Their", "Its", "Of", "And"}

TYPE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "local government association",
        re.compile(r"^(?:the\s+)?(?:LGA|Local Government Association)$", re.I),
    ),
    ("fire and rescue service", re.compile(r"\bFire\b|\bFRS\b|\bFRA\b")),
    ("town or parish council", re.compile(r"\b(?:Town|Parish|Community|Village)\s+Council\b")),
    ("police", re.compile(r"\bPolice\b|\bConstabulary\b|Crime Commissioner")),
    (
        "nhs body",
        re.compile(r"\bNHS\b|Clinical Commissioning|Integrated Care|Foundation Trust|\bHealth\b"),
    ),
    (
        "government department",
        re.compile(r"\b(?:Department|Ministry|Home Office|Cabinet Office)\b"),
    ),
    ("association", re.compile(r"\bAssociation\b|\bNALC\b|\bADASS\b|\bADCS\b|\bSOLACE\b", re.I)),
    ("university", re.compile(r"\bUniversity\b|\bCollege\b")),
    ("company", re.compile(r"\b(?:Ltd|Limited|plc|LLP|Consult\w*|Partners|Company)\b")),
]


def organisation_type(name: str) -> str | None:
    """What kind of body a non-council organisation is, from its name; None if unclear."""
    for kind, pattern in TYPE_PATTERNS:
        if pattern.search(name):
            return kind
    return None


@dataclass
class OrgMention:
    ref: Ref
    start: int
    end: int
    abbreviation: (
        str | None
    )  # defined right after the name: "Suffolk Fire and Rescue Service (SFRS)"


def typed_organisations(text: str) -> list[OrgMention]:
    """Fire and rescue services and town/parish councils a line names."""
    if "Fire" not in text and not _LOCAL_HINT.search(text):
        return []  # the common case, cheaply
    found: list[OrgMention] = []
    for match in _TYPED.finditer(text):
        ending = "fire" if match.group("fire") else "local"
        lead = text[match.start() : match.start(ending)]
        role = _ROLE_BEFORE.match(lead)
        if role:  # "Chief Executive of Kent Fire and Rescue Service": the body is Kent's
            lead = lead[role.end() :]
        words = lead.split()
        while words and words[0] in _STOP_LEADS:
            words = words[1:]
        if text[max(0, match.start() - 3) : match.start()] == "in " and "and" in words:
            # "X Town Council in Wiltshire and Knutsford Town Council": after the place
            words = words[len(words) - words[::-1].index("and") :]
        if not words:
            continue
        words += match.group(ending).split()
        name = " ".join(words)
        start = match.start() + match.group(0).find(words[0])
        key = _KEY_NOISE.sub(" ", name.replace("&", "and"))
        if key.endswith("Rescue"):  # "X Fire and Rescue" is X Fire and Rescue Service
            key += " Service"
        ref = Ref(organisation_id(key), name, RefKind.ORGANISATION)
        after = _ABBREVIATION_AFTER.match(text, match.end())
        found.append(OrgMention(ref, start, match.end(), after.group(1) if after else None))
    return found
