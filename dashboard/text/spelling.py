"""Spelling conventions that make one word look like two: the key terms are merged under.

Arabic news writes the same borrowed word by more than one convention, beyond what folding
(hamza seats, ة/ه, ى/ي, diacritics) already unifies:

- the nisba of foreign names, Levantine ييت against Egyptian يات: سوفييتي / سوفياتي, سوفييت / سوفيات;
- America with the ي before or after the ر: أميركا / أمريكا, الأميركية / الأمريكية;
- the long vowel a writer may drop from a foreign name: ترامب / ترمب.

``spelling_key`` maps a folded, clitic-free term key to the key of its spelling class; terms whose
keys share it count as one (their written forms listed), and keyword search looks words up by
the same key. The rules are narrow on purpose: a general "same consonants" rule would merge
كاتب and كتاب, سيارة and سيرة.
"""

from __future__ import annotations

import re

# (pattern over a folded key, replacement): each rewrites one convention into the other.
_RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"ييت"), "يات"),            # سوفييتي -> سوفياتي
    (re.compile(r"^(ال)?اميرك"), r"\1امريك"),  # (ال)اميركا, اميركيه -> امريكا, امريكيه
    (re.compile(r"^(ال)?ترمب"), r"\1ترامب"),   # ترمب -> ترامب
)


def spelling_key(key: str) -> str:
    """The key of ``key``'s spelling class (``key`` itself when no convention applies). A key
    keeps its article when its bare form is not a word of the corpus (الاميركيه): rules allow it."""
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key
