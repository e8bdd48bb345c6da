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

    def token_form(self, i: int) -> str:
        s, e = self.tokens[i]
        return self.norm.text[s:e]

    def original_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        return self.norm.to_original(norm_start, norm_end)

    def sentence_at(self, char_start: int) -> int:
        """Index of the sentence holding original offset ``char_start`` (the nearest before it
        when the offset falls between sentences)."""
        return max(0, bisect.bisect_right(self._sentence_starts, char_start) - 1)
