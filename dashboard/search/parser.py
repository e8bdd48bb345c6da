"""The product's search language: syntax only (no dataset), pure Python.

Grammar (operators in capitals, as in Media Cloud and Lucene; lower-case ``or`` is a word)::

    query   := or
    or      := and ("OR" and)*
    and     := not ("AND"? not)*          adjacent terms are ANDed
    not     := "NOT" not | atom
    atom    := WORD | PREFIX* | "a phrase" | entity:ID | theme:ID | "(" or ")"

So NOT binds tightest, then AND, then OR: ``روسيا OR الصين NOT أمريكا`` is
``روسيا OR (الصين AND NOT أمريكا)``; use parentheses to say otherwise.

- A WORD matches its Arabic-aware forms (dashboard/analysis/keyword.py): spelling variants
  (أ/ا/إ/آ, ة/ه, ى/ي, diacritics, tatweel), attached proclitics (وروسيا, لروسيا, بالصين) and
  enclitics, and, when derived forms are on, nisba adjectives (روسي, الروسية).
- A phrase in double quotes matches its words in sequence, each with the same tolerance.
- ``word*`` matches every word starting with ``word`` (after its proclitics): ``روس*`` finds
  روسيا, الروسية, الروس. At least two letters must come before the ``*``; a ``*`` elsewhere
  in a word, or inside quotes, is an error rather than a silent guess.
- ``entity:ID`` matches the articles where the build found the catalogue entity ID (every alias
  and spelling the gazetteer knows); ``theme:ID`` the articles whose main themes include ID.

Malformed input raises ``QueryError``, whose ``message(lang)`` is one sentence in Arabic or
English naming what is wrong and where; callers show it instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 500
MIN_PREFIX_LETTERS = 2
OPERATORS = ("AND", "OR", "NOT")
FIELDS = ("entity", "theme")

_MESSAGES = {
    "too_long": ("The query is longer than {n} characters.",
                 "الاستعلام أطول من {n} حرفًا."),
    "open_quote": ("The quotation mark at character {pos} opens a phrase that is never closed.",
                   "علامة التنصيص عند الحرف {pos} تفتح عبارة لا تُغلق."),
    "empty_phrase": ("The quotation marks at character {pos} hold no word.",
                     "علامتا التنصيص عند الحرف {pos} لا تضمّان أي كلمة."),
    "open_paren": ("The parenthesis opened at character {pos} is never closed.",
                   "القوس المفتوح عند الحرف {pos} لا يُغلق."),
    "stray_close": ("The closing parenthesis at character {pos} has no opening one.",
                    "القوس المغلق عند الحرف {pos} ليس له قوس مفتوح."),
    "empty_group": ("The parentheses at character {pos} hold nothing to search.",
                    "القوسان عند الحرف {pos} لا يضمّان ما يُبحث عنه."),
    "missing_operand": ("{op} at character {pos} needs a word, a phrase or a group {side} it.",
                        "{op} عند الحرف {pos} يحتاج إلى كلمة أو عبارة أو مجموعة {side_ar}ه."),
    "short_prefix": ("“{word}”: a wildcard needs at least {n} letters before the *.",
                     "«{word}»: يحتاج حرف البدل * إلى حرفين على الأقل قبله."),
    "inner_star": ("“{word}”: * may only end a word (word*), not stand inside it.",
                   "«{word}»: لا يأتي * إلا في آخر الكلمة (كلمة*)، لا في وسطها."),
    "star_in_phrase": ("The phrase at character {pos} contains *; wildcards work on single words only.",
                       "العبارة عند الحرف {pos} تحتوي على *؛ حرف البدل يعمل مع الكلمات المفردة فقط."),
    "empty_field": ("“{word}” names no {field}: write {field}:ID.",
                    "«{word}» لا يسمّي أي {field}: اكتب {field}:ID."),
    "unknown_entity": ("There is no entity “{value}” in this dataset.",
                       "لا يوجد كيان «{value}» في مجموعة البيانات هذه."),
    "unknown_theme": ("There is no theme “{value}” in this dataset.",
                      "لا يوجد موضوع «{value}» في مجموعة البيانات هذه."),
}


class QueryError(ValueError):
    """A malformed query: ``code`` names the problem, ``details`` fill its sentence."""

    def __init__(self, code: str, **details):
        self.code = code
        self.details = details
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        en, ar = _MESSAGES[self.code]
        d = dict(self.details)
        if self.code == "missing_operand":
            d["side_ar"] = "قبل" if d.get("side") == "before" else "بعد"
        return (ar if lang == "ar" else en).format(**d)


# ---- syntax tree -------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str                 # as typed (folding happens in the evaluator)
    prefix: bool = False      # word* : every word starting with ``text``

    def canonical(self) -> str:
        return self.text + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Phrase:
    text: str

    def canonical(self) -> str:
        return f'"{self.text}"'


@dataclass(frozen=True)
class Field:
    field: str                # entity | theme
    value: str

    def canonical(self) -> str:
        return f"{self.field}:{self.value}"


@dataclass(frozen=True)
class Not:
    child: object

    def canonical(self) -> str:
        return f"NOT {_wrap(self.child)}"


@dataclass(frozen=True)
class And:
    children: tuple

    def canonical(self) -> str:
        return " AND ".join(_wrap(c) for c in self.children)


@dataclass(frozen=True)
class Or:
    children: tuple

    def canonical(self) -> str:
        return " OR ".join(_wrap(c) for c in self.children)


Node = Word | Phrase | Field | Not | And | Or


def _wrap(node) -> str:
    return f"({node.canonical()})" if isinstance(node, (And, Or)) else node.canonical()


def leaves(node, positive: bool = True) -> list:
    """The atoms of a tree; with ``positive``, only those not under a NOT (what a match shows)."""
    if isinstance(node, (Word, Phrase, Field)):
        return [node]
    if isinstance(node, Not):
        return [] if positive else leaves(node.child, positive)
    out = []
    for child in node.children:
        out.extend(leaves(child, positive))
    return out


# ---- tokens ------------------------------------------------------------------------------

# Quotes people type: ASCII, curly, and the Arabic-style guillemets.
_QUOTES = '"“”«„'
_CLOSING = '"”»“'
_SPACE = re.compile(r"\s+")
_BARE = re.compile(r"[^\s()\"“”«»„]+")


@dataclass(frozen=True)
class _Tok:
    kind: str   # word | phrase | op | ( | )
    value: str
    pos: int    # 1-based character position, for messages


def _tokens(query: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i = _SPACE.match(query, i).end()
        elif ch in "()":
            out.append(_Tok(ch, ch, i + 1))
            i += 1
        elif ch in _QUOTES:
            # Any closing mark ends the phrase: keyboards mix straight and curly quotes.
            close = min((p for p in (query.find(c, i + 1) for c in _CLOSING) if p >= 0), default=-1)
            if close < 0:
                raise QueryError("open_quote", pos=i + 1)
            inner = " ".join(query[i + 1:close].split())
            if "*" in inner:
                raise QueryError("star_in_phrase", pos=i + 1)
            if not any(c.isalnum() for c in inner):
                raise QueryError("empty_phrase", pos=i + 1)
            out.append(_Tok("phrase", inner, i + 1))
            i = close + 1
        else:
            m = _BARE.match(query, i)
            word = m.group()
            out.append(_Tok("op" if word in OPERATORS else "word", word, i + 1))
            i = m.end()
    return out


def _atom_of_word(word: str):
    head, sep, rest = word.partition(":")
    if sep and head.lower() in FIELDS:
        if not rest:
            raise QueryError("empty_field", word=word, field=head.lower())
        return Field(head.lower(), rest)
    star = word.find("*")
    if star >= 0:
        if star != len(word) - 1 or word.count("*") > 1:
            raise QueryError("inner_star", word=word)
        stem = word[:-1]
        if sum(c.isalnum() for c in stem) < MIN_PREFIX_LETTERS:
            raise QueryError("short_prefix", word=word, n=MIN_PREFIX_LETTERS)
        return Word(stem, prefix=True)
    if not any(c.isalnum() for c in word):
        return None  # punctuation alone (a stray comma): nothing to search, nothing wrong
    return Word(word)


# ---- parser ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Tok]):
        self.toks = tokens
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse_or(self):
        parts = [self.parse_and()]
        while (tok := self.peek()) and tok.kind == "op" and tok.value == "OR":
            self.take()
            if self._at_end_of_group():
                raise QueryError("missing_operand", op="OR", pos=tok.pos, side="after")
            parts.append(self.parse_and())
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self):
        parts = []
        while (tok := self.peek()) and not (tok.kind == ")" or (tok.kind == "op" and tok.value == "OR")):
            if tok.kind == "op" and tok.value == "AND":
                self.take()
                if not parts:
                    raise QueryError("missing_operand", op="AND", pos=tok.pos, side="before")
                if self._at_end_of_group():
                    raise QueryError("missing_operand", op="AND", pos=tok.pos, side="after")
                continue
            node = self.parse_not()
            if node is not None:
                parts.append(node)
        if not parts:
            tok = self.peek()
            if tok and tok.kind == "op" and tok.value == "OR":
                raise QueryError("missing_operand", op="OR", pos=tok.pos, side="before")
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_not(self):
        tok = self.take()
        if tok.kind == "op" and tok.value == "NOT":
            if self._at_end_of_group():
                raise QueryError("missing_operand", op="NOT", pos=tok.pos, side="after")
            child = self.parse_not()
            return None if child is None else Not(child)
        if tok.kind == "(":
            inner = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError("open_paren", pos=tok.pos)
            self.take()
            if inner is None:
                raise QueryError("empty_group", pos=tok.pos)
            return inner
        if tok.kind == ")":
            raise QueryError("stray_close", pos=tok.pos)
        if tok.kind == "phrase":
            return Phrase(tok.value)
        return _atom_of_word(tok.value)

    def _at_end_of_group(self) -> bool:
        tok = self.peek()
        return tok is None or tok.kind == ")" or (tok.kind == "op" and tok.value in ("AND", "OR"))


def parse(query: str):
    """The syntax tree of ``query`` (None for an empty query); raises ``QueryError``."""
    query = query or ""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError("too_long", n=MAX_QUERY_CHARS)
    parser = _Parser(_tokens(query))
    tree = parser.parse_or()
    if parser.peek() is not None:  # only a stray ")" stops the top level early
        raise QueryError("stray_close", pos=parser.peek().pos)
    return tree


def canonical(query: str) -> str:
    """One spelling per meaning (cache keys, URLs): '' for an empty query."""
    tree = parse(query)
    return "" if tree is None else tree.canonical()
