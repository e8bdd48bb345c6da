"""One article prepared for extraction: original text, its normalised form, sentences and tokens.

Built once per article by the build; every extractor reads it and none re-tokenises.
Sentence spans are in *original* offsets; token spans are in *normalised* offsets
(``doc.norm.to_original`` maps them back).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from dashboard.text.normalize import Normalized, normalize
from dashboard.text.sentences import split_sentences
from dashboard.text.tokens import tokenize


@dataclass
class Doc:
    article_id: str
    text: str
    norm: Normalized
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    published: date | None = None
    published_precision: str = "unknown"
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _forms: list[str] | None = field(default=None, repr=False, compare=False)
    _norm_sentences: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    _token_starts: list[int] | None = field(default=None, repr=False, compare=False)
    # Per-article results more than one extractor needs (entities and candidate discovery both
    # read the hyphen-split tokens): computed by the first, read by the others. Never mutated.
    shared: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_text(cls, article_id: str, text: str, published: date | None = None,
                  published_precision: str = "unknown", letter_names: frozenset[str] = frozenset()) -> Doc:
        """``letter_names``: the catalogue's Latin letter names (see ``split_sentences``)."""
        norm = normalize(text)
        sentences = split_sentences(text, letter_names)
        return cls(article_id, text, norm, sentences, tokenize(norm.text), published,
                   published_precision, [s for s, _ in sentences])

    @property
    def forms(self) -> list[str]:
        """Every token's normalised form, in order (built once per article; read-only)."""
        if self._forms is None:
            text = self.norm.text
            self._forms = [text[s:e] for s, e in self.tokens]
        return self._forms

    @property
    def publication_period(self) -> tuple[date, date] | None:
        """The publication date as a period: a month- or year-precision date covers its whole month
        or year (None without a date)."""
        pub = self.published
        if pub is None:
            return None
        if self.published_precision == "year":
            return date(pub.year, 1, 1), date(pub.year, 12, 31)
        if self.published_precision == "month":
            nxt = date(pub.year + pub.month // 12, pub.month % 12 + 1, 1)
            return date(pub.year, pub.month, 1), date.fromordinal(nxt.toordinal() - 1)
        return pub, pub

    @property
    def norm_sentences(self) -> list[tuple[int, int]]:
        """Each sentence's span in normalised offsets, from its first character to the next
        sentence's (built once per article; read-only)."""
        if self._norm_sentences is None:
            norm, n = self.norm, len(self.norm.text)
            first = [bisect.bisect_left(range(n), a, key=norm.original_index) for a, _ in self.sentences]
            self._norm_sentences = [(s, e) for s, e in zip(first, [*first[1:], n])]
        return self._norm_sentences

    def norm_sentence(self, sid: int) -> tuple[int, int]:
        """One sentence's span in normalised offsets (the whole text for an article of no sentence)."""
        spans = self.norm_sentences
        return spans[sid] if sid < len(spans) else (0, len(self.norm.text))

    def sentence_forms(self, sid: int) -> list[str]:
        """The normalised forms of the tokens of one sentence, in order."""
        if self._token_starts is None:
            self._token_starts = [s for s, _ in self.tokens]
        start, end = self.norm_sentence(sid)
        starts = self._token_starts
        return self.forms[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def token_form(self, i: int) -> str:
        s, e = self.tokens[i]
        return self.norm.text[s:e]

    def original_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        return self.norm.to_original(norm_start, norm_end)

    def sentence_at(self, char_start: int) -> int:
        """Index of the sentence holding original offset ``char_start`` (the nearest before it
        when the offset falls between sentences)."""
        return max(0, bisect.bisect_right(self._sentence_starts, char_start) - 1)
