"""Remove e-mail addresses and telephone numbers from text.

The one redaction every layer uses: the reader on every line as a document is
read, the graph builder on every sentence it stores, and the report and map
writers on everything they print, so no path can leak a contact.
"""

import re

# Parts bounded so that a huge line without an address stays linear to scan.
_EMAIL = re.compile(r"(?:mailto:)?[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# UK numbers as reports print them: 01473 825820, 0207 664 3000, (01473) 825820,
# +44 (0)20 7664 3000: a leading 0 or +44, then 8 to 11 digits with at most two
# spaces, dashes, dots or brackets between them; never inside a word or an amount.
# Each way of starting opens with its own character ("+", "(", "0"), so the regex
# engine looks only where one is; the test of the character before it ("not after a
# letter, digit, + or £") comes just after that character, looking back two.
_NOT_AFTER_WORD = r"(?<![\w+£].)"
_PHONE = re.compile(
    rf"(?:\+{_NOT_AFTER_WORD}44\s?(?:\(0\)\s?)?|\({_NOT_AFTER_WORD}0|0{_NOT_AFTER_WORD})"
    r"(?:[\s().-]{0,2}\d){8,11}(?!\w)"
)

REDACTED_EMAIL = "[e-mail removed]"
REDACTED_PHONE = "[telephone removed]"


def redact(text: str) -> str:
    if "@" in text:
        text = _EMAIL.sub(REDACTED_EMAIL, text)
    if "0" in text or "+44" in text:  # every number _PHONE matches has one or the other
        text = _PHONE.sub(REDACTED_PHONE, text)
    return text
