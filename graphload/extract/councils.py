"""Find the councils and other organisations a piece of text names.

A council mention is anchored on "Council(s)" or a suffix like DC/BC/CC/MBC and
reaches back over the capitalised words before it ("Weymouth & Portland Borough
Council"); a plural anchor ends a list ("Cherwell and South Northants Councils").
Abbreviations a document defines ("Bromsgrove DC (BDC)") are learned and then
found on their own. Everything resolves through the gazetteer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from graphload.extract.lowered import contains_any
from graphload.gazetteer import CouncilEntry, Gazetteer
from graphload.records import Ref
from graphload.vocab.organisations import LOCAL_GOVERNMENT_ASSOCIATION, known_organisation

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.\-]*|,|&|\(|\)|;|:|–|—")
Token = re.Match[str]  # a word or mark of _TOKEN: token[0] is its text
SINGULAR_ANCHORS = {"council", "dc", "bc", "cc", "mbc", "ua"}
PLURAL_ANCHORS = {"councils"}
_UPPER_ANCHORS = {"dc", "bc", "cc", "mbc", "ua"}  # only as capitals: "cc" is also an e-mail term
CONNECTORS = {"and", "&", "of", "upon", "on", "the", "in", "under", "le", ","}
_TYPE_WORDS = {"district", "borough", "county", "city", "metropolitan"}
_MAX_LOOKBACK = 9

LGA = Ref.organisation(LOCAL_GOVERNMENT_ASSOCIATION)


@lru_cache(maxsize=1 << 16)  # across documents: the same names, and near-names, recur
def _resolve(gazetteer: Gazetteer, text: str, year: int | None) -> CouncilEntry | None:
    return gazetteer.resolve(text, year)


_INITIAL_SKIPS = frozenset({"of", "and", "the", "upon", "on", "in", "le", "&"})
_TYPE_INITIALS = frozenset(
    {"Borough", "District", "County", "City", "Metropolitan", "Council", "Royal", "London"}
)


@lru_cache(maxsize=4)
def council_initialisms(gazetteer: Gazetteer) -> dict[str, tuple[str, bool]]:
    """Initialisms that stand for exactly one English council in the register, with its
    code and whether they are read from the name's own words alone ("BCP"), not its type
    words ("RBWM": Royal Borough of Windsor and Maidenhead; "NYCC")."""
    forms: dict[str, set[tuple[str, bool]]] = {}
    for entry in gazetteer.entries.values():
        if entry.nation != "England":
            continue
        for name in {entry.name, entry.short_name}:
            words = [w for w in re.split(r"[\s,]+", name) if w and w not in _INITIAL_SKIPS]
            words = [w for w in words if w[0].isupper()]
            own = [w for w in words if w not in _TYPE_INITIALS]
            typed = words if words[-1:] == ["Council"] else [*words, "Council"]
            own_letters = "".join(w[0] for w in own)
            for letters in {
                own_letters,
                "".join(w[0] for w in words),
                "".join(w[0] for w in typed),
            }:
                if len(letters) >= 3:
                    forms.setdefault(letters, set()).add((entry.code, letters == own_letters))
    unique: dict[str, tuple[str, bool]] = {}
    for letters, found in forms.items():
        codes = {code for code, _ in found}
        if len(codes) == 1:
            unique[letters] = (codes.pop(), all(bare for _, bare in found))
    return unique


def _known_organisation(text: str) -> Ref | None:
    name = known_organisation(text)
    return Ref.organisation(name) if name else None


_ORG_WORDS = re.compile(
    r"\b(Association|Trust|NHS|Ltd|Limited|plc|LLP|University|Agency|Commission|Police|"
    r"Fire|Authority|Foundation|Institute|Society|Network|Company|Board|Office|Department|"
    r"Ministry|Service|Partnership|College|Centre|Consulting|Consultancy)\b"
)
_PREFIX_NAMED = re.compile(
    r"\b(?:London|Royal) Borough of [A-Z][\w'’-]*(?:\s+(?:and|&|upon|on)\s+[A-Z][\w'’-]*"
    r"|\s+[A-Z][\w'’-]*){0,4}"
)
# A line can name a council only if some anchor word follows a word that could end a
# name ("Wigan Council", "Mid Suffolk DC"), not "the Council" or "our council".
_ANCHOR_WORD = re.compile(r"\b(?:[Cc]ouncils?|COUNCILS?|DC|BC|CC|MBC|UA)\b")
_NOT_A_NAME_END = {
    "the",
    "this",
    "that",
    "our",
    "each",
    "every",
    "any",
    "a",
    "an",
    "its",
    "their",
    "your",
    "other",
    "both",
    "all",
    "whole",
    "full",
    "own",
    "which",
    "his",
    "her",
    "with",
    "to",
    "of",
    "by",
    "for",
    "from",
    "at",
    "in",
    "on",
    "is",
    "was",
    "as",
    "and",
}
_OTHER_HINT = re.compile(r"\b(?:LGA|LGG)\b|Borough of|Local Government")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,6})\)")
# What a line must hold to define an abbreviation (each starts with a bracket, so the
# search is quick): any abbreviation, one after a council's name, one after an
# organisation's name ("Local Government Association (LGA)").
_BRACKETED_CAPITAL = re.compile(r"\([A-Z]")
_ABBREVIATION_ANYWHERE = re.compile(r"\([A-Z][A-Za-z]{1,6}\)")
_ORGANISATION_ABBREVIATION = re.compile(r"\([A-Z]{2,6}\)")
_NAME_AND_ABBREVIATION = re.compile(r"([A-Z][\w&' ]{3,80}?)\s*\(([A-Z]{2,6})\)")


@dataclass
class Mention:
    ref: Ref
    start: int
    end: int
    group: int  # mentions in one plural list ("A and B councils") share a group


class CouncilFinder:
    """Finds council and organisation mentions for one document."""

    def __init__(self, gazetteer: Gazetteer, year: int | None = None):
        self.gazetteer = gazetteer
        self.year = year
        self.abbreviations: dict[str, Ref] = {}
        self._groups = 0
        # Several readers look at the same lines; abbreviations only grow, so their
        # count tells whether a remembered answer is still current.
        self._found: dict[tuple[str, int], list[Mention]] = {}
        self._resolved: dict[str, Ref | None] = {}
        self.initialism_words = frozenset(council_initialisms(gazetteer))

    # -- single names -------------------------------------------------------
    def council(self, text: str) -> Ref | None:
        """The council ``text`` names, if it names exactly one."""
        text = text.strip(" ,;:.")
        if text in self.abbreviations and self.abbreviations[text].is_council:
            return self.abbreviations[text]
        if text not in self._resolved:  # the same spans are tried again and again
            entry = _resolve(self.gazetteer, text, self.year)
            self._resolved[text] = Ref.council(entry.code, entry.name) if entry else None
        return self._resolved[text]

    def organisation(self, text: str) -> Ref | None:
        """A council, a known organisation, or a plausible organisation name."""
        text = text.strip(" ,;:.()")
        if not text:
            return None
        council = self.council(text)
        if council:
            return council
        known = _known_organisation(text) or self.abbreviations.get(text)
        if known:
            return known
        if re.search(r"\bCouncils?\b", text) and not re.search(r"\bPartnership", text):
            return Ref.unregistered_council(text)
        if _ORG_WORDS.search(text):
            return Ref.organisation(text)
        return None

    def council_list(self, text: str, type_word: str = "") -> list[Ref]:
        """Councils in a bare list: "West Dorset, North Dorset and Weymouth and Portland"."""
        return [ref for ref, _ in self._council_list(text, type_word)]

    def _council_list(self, text: str, type_word: str = "") -> list[tuple[Ref, int]]:
        """Councils in a list with where each starts in ``text``.

        Pieces split at commas and "and" are joined greedily, longest first, so that
        names containing "and" survive; a piece that names nothing is skipped.
        """
        pieces, joiners = _split_list(text)
        found: list[tuple[Ref, int]] = []
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i, -1):
                if j > i + 1 and all(
                    self._council_with_type(p, type_word, trim=False) for p, _ in pieces[i:j]
                ):
                    continue  # "Adur and Worthing": two councils, not one joint name
                candidate = pieces[i][0] + "".join(
                    joiners[k - 1] + pieces[k][0] for k in range(i + 1, j)
                )
                ref = self._council_with_type(candidate, type_word, trim=j == i + 1)
                if ref:
                    offset = pieces[i][1]
                    if j == i + 1:  # trimmed leading words: point at the name itself
                        offset += len(candidate) - len(candidate.lstrip())
                    found.append((ref, offset))
                    i = j
                    break
            else:
                i += 1
        unique: dict[str, tuple[Ref, int]] = {}
        for ref, offset in found:
            unique.setdefault(ref.id, (ref, offset))
        return list(unique.values())

    def _council_with_type(self, text: str, type_word: str, trim: bool) -> Ref | None:
        words = text.split()
        while words:
            candidate = " ".join(words)
            if type_word:
                ref = self.council(f"{candidate} {type_word} Council")
                if ref:
                    return ref
            ref = self.council(candidate)
            if ref:
                return ref
            if not trim:
                break
            words = words[1:]  # "Signpost Adur" -> "Adur"
        return None

    def initialism(self, word: str, before_council: bool) -> Ref | None:
        """The council an undefined initialism stands for: one of four letters or more
        ("RBWM", "NYCC"), or of three read from the name's own words when "Council"
        follows ("BCP Council"); None when it stands for no council or for several."""
        found = council_initialisms(self.gazetteer).get(word)
        if found is None or word in self.abbreviations or _known_organisation(word):
            return None
        code, bare = found
        if len(word) < 4 and not (bare and before_council):
            return None
        entry = self.gazetteer.entries[code]
        return Ref.council(entry.code, entry.name)

    # -- mentions in running text --------------------------------------------
    def find(self, text: str) -> list[Mention]:
        key = (text, len(self.abbreviations))
        found = self._found.get(key)
        if found is None:
            anchors = anchor_words(text)
            if (
                not any(_could_end_a_name(text, start) for start, _ in anchors)
                and not _other_hint(text)
                and not contains_any(text, self.abbreviations)
            ):
                found = []  # the common case, cheaply: no anchor word after a possible name
            else:
                found = self._find(text, anchors)
            self._found[key] = found
        return list(found)

    def _find(self, text: str, anchors: list[tuple[int, int]]) -> list[Mention]:
        mentions = None
        if not _alias_token(text) and not contains_any(text, self.abbreviations):
            mentions = self._anchored(text, anchors)
        if mentions is None:
            mentions = self._every_token(text)
        return self._named_by_prefix(text, mentions)

    def _anchored(self, text: str, anchors: list[tuple[int, int]]) -> list[Mention] | None:
        """Mentions read back from each anchor word, tokenising only a window before it.

        None when the window is too short to be sure, or an abbreviation is defined on
        the line (a later use of it must be found too): then every token is read.
        """
        mentions: list[Mention] = []
        floor_at = 0  # a mention never reaches back over an earlier one
        for anchor_start, anchor_end in _anchor_tokens(text, anchors):
            window_start = max(floor_at, anchor_start - _WINDOW_CHARS)
            tokens = list(_TOKEN.finditer(text, window_start, anchor_end))
            floor = 0
            if window_start > floor_at:
                if len(tokens) <= _MAX_LOOKBACK + 1:
                    return None
                floor = 1  # the first token may be cut
            k = len(tokens) - 1
            if k < 0 or tokens[k].start() != anchor_start:
                return None
            word, end = tokens[k][0], tokens[k].end()
            following = _TOKEN.search(text, end)
            if following and following.group().lower().startswith("partnership"):
                continue
            first = self._lookback_start(tokens, k, floor)
            if first is None:
                continue
            lowered = word.lower().rstrip(".")
            found = self._at_anchor(text, tokens, first, k, lowered)
            if found:
                mentions.extend(found)
                floor_at = end
                known = len(self.abbreviations)
                self._learn_abbreviation(text, end, found)
                if len(self.abbreviations) != known:
                    return None
        return mentions

    def _every_token(self, text: str) -> list[Mention]:
        tokens = list(_TOKEN.finditer(text))
        mentions: list[Mention] = []
        floor = 0  # a mention never reaches back over an earlier one
        # Only anchors, LGA/LGG and short capitalised words (possible abbreviations, which
        # may be learned on this very line) can start a mention: skip the rest quickly.
        candidates = [
            k
            for k, token in enumerate(tokens)
            if (word := token[0]) in _ANCHOR_SPELLINGS or (len(word) <= 7 and word[0].isupper())
        ]
        for k in candidates:
            word, (start, end) = tokens[k][0], tokens[k].span()
            lowered = word.lower().rstrip(".")
            if word in self.abbreviations:
                mentions.append(self._mention(self.abbreviations[word], start, end))
                floor = k + 1
                continue
            known = _known_organisation(lowered) if word.isupper() else None
            if known:
                mentions.append(self._mention(known, start, end))
                floor = k + 1
                continue
            is_upper_anchor = lowered in _UPPER_ANCHORS and word.isupper()
            if not (
                lowered in SINGULAR_ANCHORS - _UPPER_ANCHORS
                or is_upper_anchor
                or lowered in PLURAL_ANCHORS
            ):
                continue
            if k + 1 < len(tokens) and tokens[k + 1][0].lower().startswith("partnership"):
                continue
            first = self._lookback_start(tokens, k, floor)
            if first is None:
                continue
            found = self._at_anchor(text, tokens, first, k, lowered)
            if found:
                mentions.extend(found)
                floor = k + 1
                self._learn_abbreviation(text, end, found)
        return mentions

    def _named_by_prefix(self, text: str, mentions: list[Mention]) -> list[Mention]:
        # Matches of one pattern never overlap, so the spans found before each loop
        # are all a match has to be checked against.
        if "Borough of " in text:  # every _PREFIX_NAMED match has it
            self._add_prefix_named(text, mentions)
        if "Local Government Association" in text:
            spans = SpanIndex((m.start, m.end) for m in mentions)
            for match in re.finditer("Local Government Association", text):
                if not spans.covers(match.start()):
                    mentions.append(self._mention(LGA, match.start(), match.end()))
        mentions.sort(key=lambda m: m.start)
        return _drop_echoes(text, mentions)

    def _add_prefix_named(self, text: str, mentions: list[Mention]) -> None:
        """Councils named by a prefix: "London Borough of Barking & Dagenham"."""
        spans = SpanIndex((m.start, m.end) for m in mentions)
        for match in _PREFIX_NAMED.finditer(text):
            if spans.covers(match.start()):
                continue
            words = match.group(0).split()
            while len(words) > 3:  # longest first: "London Borough of Barking & Dagenham"
                ref = self.council(" ".join(words))
                if ref:
                    mentions.append(
                        self._mention(ref, match.start(), match.start() + len(" ".join(words)))
                    )
                    break
                words.pop()

    def _mention(self, ref: Ref, start: int, end: int) -> Mention:
        self._groups += 1
        return Mention(ref, start, end, self._groups)

    @staticmethod
    def _lookback_start(tokens: list[Token], k: int, floor: int) -> int | None:
        first = None
        for j in range(k - 1, max(floor, k - _MAX_LOOKBACK) - 1, -1):
            word = tokens[j][0]
            if word[0].isupper() or word[0].isdigit() and "-" in word:
                first = j
            elif word.lower() in CONNECTORS:
                continue
            else:
                break
        return first

    def _at_anchor(
        self, text: str, tokens: list[Token], first: int, k: int, anchor: str
    ) -> list[Mention]:
        """The council(s) named by tokens ``first``..``k``, where token ``k`` is the
        anchor word: "Councils" ends a list of councils, "Council" one council."""
        if anchor in PLURAL_ANCHORS:
            return self._plural(text, tokens, first, k)
        return self._singular(text, tokens, first, k)

    def _singular(self, text: str, tokens: list[Token], first: int, k: int) -> list[Mention]:
        end = tokens[k].end()
        for j in range(first, k):
            word = tokens[j][0]
            if not word[0].isupper():
                continue
            ref = self.council(text[tokens[j].start() : end])
            if ref:
                return [self._mention(ref, tokens[j].start(), end)]
        return []

    def _plural(self, text: str, tokens: list[Token], first: int, k: int) -> list[Mention]:
        words = [t[0] for t in tokens[first:k]]
        type_word = ""
        while words and words[-1].lower() in _TYPE_WORDS:
            type_word = words.pop().capitalize() + (" " + type_word if type_word else "")
        if not words:
            return []
        span_start = tokens[first].start()
        span_end = tokens[first + len(words) - 1].end()
        found = self._council_list(text[span_start:span_end], type_word)
        self._groups += 1
        if not found:
            return []
        start = span_start + min(offset for _, offset in found)
        return [Mention(ref, start, tokens[k].end(), self._groups) for ref, _ in found]

    def _learn_abbreviation(self, text: str, end: int, found: list[Mention]) -> None:
        match = _ABBREVIATION_AFTER.match(text, end)
        if match and len(found) == 1:
            self.abbreviations.setdefault(match.group(1), found[0].ref)

    def learn(self, text: str) -> None:
        """Learn abbreviations a line defines: councils and organisations alike."""
        if "(" not in text or not _BRACKETED_CAPITAL.search(text):
            return
        if _ABBREVIATION_ANYWHERE.search(text):  # a council's, read where it is named
            self.find(text)
        if _ORGANISATION_ABBREVIATION.search(text):
            for match in _NAME_AND_ABBREVIATION.finditer(text):
                ref = _known_organisation(match.group(1))
                if ref:
                    self.abbreviations.setdefault(match.group(2), ref)


# An anchor word as the tokeniser would cut it ("Council", "COUNCILS", "DC.", not
# "Council's"); possessive quantifiers keep "Council.Next" from matching.
_ANCHOR_TOKEN = re.compile(
    r"(?<![\w'’.\-])(?:[Cc]ouncils?|COUNCILS?|DC|BC|CC|MBC|UA)\.*+(?![\w'’\-])"
)
_ALIAS_TOKEN = re.compile(r"\b(?:LGA|LGG)\b")
_WINDOW_CHARS = 100

# The patterns above begin with no fixed letters, so the regex engine tries them at
# every character of a line. The functions below find the same matches by searching
# for their letters first (tests check that they agree with the patterns).
_WORD_PIECES = (("ouncil", "Cc", "s"), ("OUNCIL", "C", "S"))  # the letters after the first
_SHORT_ANCHORS = ("DC", "BC", "CC", "UA")  # "MBC" is found as "BC" after an "M"


def anchor_words(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every match of ``_ANCHOR_WORD`` in ``text``, in order."""
    found: list[tuple[int, int]] = []
    size = len(text)
    for piece, first_letters, plural in _WORD_PIECES:
        at = text.find(piece)
        while at != -1:
            start, end = at - 1, at + len(piece)
            if start >= 0 and text[start] in first_letters and _word_starts(text, start):
                if end < size and text[end] == plural:
                    end += 1
                if _word_ends(text, end):
                    found.append((start, end))
            at = text.find(piece, end)
    for piece in _SHORT_ANCHORS:
        at = text.find(piece)
        while at != -1:
            start = at - 1 if piece == "BC" and at and text[at - 1] == "M" else at
            if _word_starts(text, start) and _word_ends(text, at + 2):
                found.append((start, at + 2))
            at = text.find(piece, at + 1)
    if len(found) > 1:
        found.sort()
    return found


def _anchor_tokens(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of every match of ``_ANCHOR_TOKEN``, from ``anchor_words(text)``:
    the same words, not after an apostrophe, dot or hyphen, with any dots after them,
    and no apostrophe, hyphen or letter after those dots."""
    tokens = []
    for start, end in anchors:
        if start and text[start - 1] in "'’.-":
            continue
        while end < len(text) and text[end] == ".":
            end += 1
        if end < len(text) and (_is_word_char(text[end]) or text[end] in "'’-"):
            continue
        tokens.append((start, end))
    return tokens


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def _word_starts(text: str, at: int) -> bool:
    return at == 0 or not _is_word_char(text[at - 1])


def _word_ends(text: str, at: int) -> bool:
    return at == len(text) or not _is_word_char(text[at])


def _other_hint(text: str) -> bool:
    """``_OTHER_HINT.search(text)``, tried only where its letters are."""
    return ("LG" in text or "Borough of" in text or "Local Government" in text) and bool(
        _OTHER_HINT.search(text)
    )


def _alias_token(text: str) -> bool:
    """``_ALIAS_TOKEN.search(text)``, tried only where its letters are."""
    return "LG" in text and bool(_ALIAS_TOKEN.search(text))


_ANCHOR_SPELLINGS = frozenset(
    spelling + dots
    for base in ("council", "councils")
    for spelling in (base, base.capitalize(), base.upper())
    for dots in ("", ".", "..", "...")
)


class SpanIndex:
    """Character spans, asked whether they cover a position, in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def covers(self, at: int, slack: int = 0) -> bool:
        index = bisect_right(self.starts, at) - 1
        return index >= 0 and at < self.reach[index] + slack


def _could_end_a_name(text: str, anchor: int) -> bool:
    before = text[max(0, anchor - 40) : anchor].rsplit(maxsplit=1)  # the last word
    return bool(before) and before[-1].lower() not in _NOT_A_NAME_END


def _unique(refs: list[Ref]) -> list[Ref]:
    seen: set[str] = set()
    result = []
    for ref in refs:
        if ref.id not in seen:
            seen.add(ref.id)
            result.append(ref)
    return result


def _drop_echoes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that repeats the one before it as its bracketed abbreviation."""
    kept: list[Mention] = []
    for mention in mentions:
        if (
            kept
            and kept[-1].ref.id == mention.ref.id
            and (
                mention.start < kept[-1].end
                or text[kept[-1].end : mention.start].strip() in {"(", ""}
            )
        ):
            continue
        kept.append(mention)
    return kept


def _split_list(text: str) -> tuple[list[tuple[str, int]], list[str]]:
    """Pieces of a list with their offsets, and the separators between them."""
    pieces: list[tuple[str, int]] = []
    joiners: list[str] = []
    cursor = 0
    for separator in _LIST_SEPARATOR.finditer(text):
        if text[cursor : separator.start()].strip():
            if pieces:
                joiners.append(text[pieces[-1][1] + len(pieces[-1][0]) : cursor] or " and ")
            pieces.append((text[cursor : separator.start()], cursor))
        cursor = separator.end()
    if text[cursor:].strip():
        if pieces:
            joiners.append(text[pieces[-1][1] + len(pieces[-1][0]) : cursor] or " and ")
        pieces.append((text[cursor:], cursor))
    return pieces, joiners
