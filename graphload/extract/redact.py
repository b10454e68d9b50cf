"""Remove e-mail addresses and telephone numbers from text.

Applied to every line as a document is read, so no later step can leak one.
"""

import re

_EMAIL = re.compile(r"(?:mailto:)?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# UK numbers as reports print them: 01473 825820, 0207 664 3000, +44 (0)20 7664 3000.
_PHONE = re.compile(
    r"(?<![\w/£.,])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/%])"
)

REDACTED_EMAIL = "[e-mail removed]"
REDACTED_PHONE = "[telephone removed]"


def redact(text: str) -> str:
    if "@" in text:
        text = _EMAIL.sub(REDACTED_EMAIL, text)
    return _PHONE.sub(REDACTED_PHONE, text)
