"""Arabic ordinal words composed from their parts: الأول ... العاشر، الحادي عشر، الثالثة عشرة، الحادي
والعشرين. Dates use the masculine forms up to 31 (ordinal days), event series both genders (rounds)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dashboard.text.normalize import squeeze_spaces


def _forms(value: str | Iterable[str]) -> list[str]:
    return [squeeze_spaces(value)] if isinstance(value, str) else [squeeze_spaces(w) for w in value]


def ordinal_words(units: Iterable[Iterable[str]], ten: str | Iterable[str], teen: str | Iterable[str],
                  tens: Mapping[int | str, str | Iterable[str]], limit: int = 39) -> dict[str, int]:
    """folded ordinal word -> its number, 1..limit. ``units``: the forms of 1..9; for 1, the forms
    holding حادي are the ones used inside compounds (الحادي عشر) and only there."""
    units = [_forms(forms) for forms in units]
    alone = {i: [w for w in forms if "حادي" not in w] for i, forms in enumerate(units, 1)}
    compound = {i: [w for w in forms if i != 1 or "حادي" in w] for i, forms in enumerate(units, 1)}
    out: dict[str, int] = {}
    for i, forms in alone.items():
        out.update(dict.fromkeys(forms, i))
    out.update(dict.fromkeys(_forms(ten), 10))
    for i, forms in compound.items():
        for unit in forms:
            for word in _forms(teen):
                out[f"{unit} {word}"] = 10 + i
    for n, words in tens.items():
        for word in _forms(words):
            out[word] = int(n)
            for i, forms in compound.items():
                for unit in forms:
                    out[f"{unit} و{word}"] = int(n) + i
    return {w: n for w, n in out.items() if n <= limit}
