"""The learned name finder: names no catalogue holds and no rule of provisional.py frames.

The rule-based finder (provisional.py) takes a name only where a title, a verb of saying, a byline
or a head noun says it is one. Many names news writes have none of these: a tennis player in a
results list, a gas field, a province, a logistics manager named once. This finder reads what the
rules and the catalogue left (the article's *residual*) with a token classifier learned from the
gold (``python -m dashboard.quality.name_training``: scikit-learn there only; the weights are
data, ``data/catalogues/name_finder.json``, applied here in pure Python):

- **Candidates** are the rare Arabic words of the residual: a word inside no entity mention
  (catalogue or provisional), no stopword, less frequent in ordinary Arabic than the model's
  ``candidate_zipf`` (wordfreq). Only they are looked at, so the cost is a few dict lookups per
  rare word.
- **Features** (``token_features``) are general: the word's frequency bucket and whether
  wordfreq's large list knows it, its article and proclitics, its last two and three letters
  (transliteration endings: ـوف، ـيف، ـستان), its length, whether the catalogue knows it as a first
  name or it ends like a Central Asian family name, the folded words one and two before and after
  it (head nouns such as شركة، حقل، محافظة; verbs of saying; the training keeps those seen often
  enough), whether a neighbour is an entity mention and of what type, or a candidate too, and
  the punctuation around it (quotes, brackets, commas, a line's end). No outlet or article is named.
- **Spans** (``decode``) are maximal runs of candidates at least ``extend_threshold`` probable, on
  one line with only spaces between them, one to four words, one of them at least ``threshold``
  probable (a one-word name: ``one_word_threshold``), a word glued to و starting a new run, no
  person's mention touching the run (the thresholds are chosen on held-out gold parts by the
  training).

provisional.ProvisionalFinder applies it last, after every rule: each name found gets a
provisional id (person, or the type its head noun says: شركة -> company), every occurrence of it in
the article is a mention, and a person's bare family name later is resolved as for the rules' names
(variant_names.ArticleNames). Its mentions are ``match = discovered`` with the alias
``learned p=0.83: <name>``: an analyst filters them apart by that prefix.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import is_not

from dashboard.text.clitics import peel
from dashboard.text.variants import word_zipf
from dashboard.text.word_frequencies import common_words, in_large_list

MODEL_FILE = "name_finder.json"
LEARNED = "learned"  # the alias prefix of a learned mention ("learned p=0.83: ...")
MAX_WORDS = 4
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_SPACES = re.compile(r"[ \t\u00a0]+")
_JOIN = re.compile(r"[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*")
# the marks between two tokens, read as classes (a feature): quotes, brackets, comma, full stop ...
_GAP_CLASSES = {"«": "q", "»": "q", "“": "q", "”": "q", '"': "q", "'": "q", "(": "(", ")": ")",
                "[": "(", "]": ")", "،": ",", ",": ",", ".": ".", "\n": "n", ":": ":", "-": "-",
                "–": "-", "—": "-", "؛": ";", ";": ";", "/": "/", "؟": ".", "?": ".", "!": "."}
_ZIPF_EDGES = (0.0, 2.0, 3.0, 3.5, 4.0, 4.5, 5.0)
_CACHE_WORDS = 200_000  # words whose own features are kept (a few tens of MB at most)


class NameModelError(ValueError):
    """name_finder.json is not a model this code can apply."""


@dataclass(frozen=True)
class NameModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float
    one_word_threshold: float
    candidate_zipf: float
    trained_on: tuple[str, ...] = ()
    extend_threshold: float | None = None  # a run's other words (see ``decode``)

    def probability(self, features: list[str]) -> float:
        z = self.bias + math.fsum(map(self.weights.get, features, repeat(0.0)))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def parse_name_model(raw: Mapping | None) -> NameModel | None:
    """The model of name_finder.json (parsed JSON); None without the file."""
    if not raw:
        return None
    if not isinstance(raw, Mapping):
        raise NameModelError("the model is not a JSON object")
    for key in ("weights", "bias", "threshold", "one_word_threshold", "candidate_zipf"):
        if key not in raw:
            raise NameModelError(f"missing key {key!r}")
    weights = raw["weights"]
    if not isinstance(weights, Mapping):
        raise NameModelError("weights must be an object: feature -> weight")
    values = [*weights.values(), raw["bias"], raw["threshold"], raw["one_word_threshold"], raw["candidate_zipf"]]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise NameModelError("weights, bias, thresholds and candidate_zipf must be finite numbers")
    for key in ("threshold", "one_word_threshold"):
        if not 0 < raw[key] <= 1:
            raise NameModelError(f"{key} must lie in (0, 1], not {raw[key]}")
    return NameModel({str(k): float(v) for k, v in weights.items()}, float(raw["bias"]), float(raw["threshold"]),
                     float(raw["one_word_threshold"]), float(raw["candidate_zipf"]),
                     tuple(str(p) for p in raw.get("trained_on") or ()),
                     None if raw.get("extend_threshold") is None else float(raw["extend_threshold"]))


def zipf_bucket(z: float) -> int:
    """0 for a word wordfreq does not list as common, then one bucket per edge passed."""
    return sum(z > e for e in _ZIPF_EDGES)


def gap_class(norm: str, end: int, start: int) -> str:
    """The marks between two tokens as classes ('' for spaces only): "،" -> ",", " «" -> "q"."""
    return "".join(_GAP_CLASSES.get(ch, "o") for ch in norm[end:start] if not ch.isspace() or ch == "\n")


@dataclass
class Residual:
    """What the finder reads of one article: its tokens (folded forms, normalised spans), which
    are candidates, and the type of the mention covering each token (None: in no mention)."""
    forms: list[str]
    starts: list[int]
    ends: list[int]
    norm: str
    candidate: list[bool]
    mention_type: Callable[[int], str | None]
    unlisted: list[bool]  # the token is a candidate no list knows (``unlisted``): a name needs one


NOT_RARE, LISTED, UNLISTED = 0, 1, 2  # what a form can be in a name (``RareForms``)


class RareForms(dict):
    """Form -> what it can be in a name: NOT_RARE (common, a stopword, not Arabic letters: never a
    candidate), LISTED (a rare word wordfreq's large list knows), UNLISTED (one no list knows, the
    word a name needs: ``unlisted``). Judged once per form as forms are met, then looked up in C
    (``map``): one dict lookup a token."""

    def __init__(self, stopwords: frozenset[str], candidate_zipf: float):
        super().__init__()
        self.key = (stopwords, candidate_zipf)

    def __missing__(self, f: str) -> int:
        stopwords, candidate_zipf = self.key
        if common_words().get(f, 0.0) >= candidate_zipf or f in stopwords or _ARABIC_WORD.fullmatch(f) is None:
            kind = NOT_RARE
        else:
            kind = UNLISTED if unlisted(f) else LISTED
        if len(self) < _CACHE_WORDS:
            self[f] = kind
        return kind


def residual(forms, starts, ends, norm: str, kinds: list[int], covered: Sequence[str | None],
             entity_type: Callable[[str], str]) -> Residual:
    """The article's candidates: rare Arabic words (``kinds``: each token's ``RareForms`` kind) in
    no mention (``covered[i]``: the entity id of the mention covering token i, or None;
    ``entity_type``: an id's type), no stopword."""
    cand = list(map(bool, kinds))
    for i in compress(range(len(covered)), map(is_not, covered, repeat(None))):  # (C-level passes)
        cand[i] = False

    def mention_type(i: int) -> str | None:
        entity_id = covered[i]
        return None if entity_id is None else entity_type(entity_id)

    return Residual(forms, starts, ends, norm, cand, mention_type, list(map(UNLISTED.__eq__, kinds)))


@dataclass(frozen=True)
class Lexicon:
    """What the features know of words beyond their frequency: the catalogue's first names, the
    family-name endings of the rules (ـوف، ـييفا، ـزاده), and whether a word is an ordinary word
    with an ending (a dual, plural, accusative, nisba or pronoun: لغتان، رسميتان، تلوثا)."""
    given: frozenset[str]
    endings: tuple[str, ...]
    inflected: Callable[[str], bool]
    # word -> its own features, filled as words are met (a worker keeps it across articles)
    cache: dict = field(default_factory=dict, compare=False, repr=False)


def word_features(f: str, lex: Lexicon) -> tuple[str, ...]:
    """The features of a word alone, whatever its context (computed once per word: ``lex.cache``)."""
    found = lex.cache.get(f)
    if found is not None:
        return found
    z = word_zipf(f)
    out = [f"z{zipf_bucket(z)}", f"s2:{f[-2:]}", f"s3:{f[-3:]}", f"p2:{f[:2]}", f"len{min(len(f), 10)}"]
    if z == 0 and in_large_list(f):
        out.append("large")
    if f.startswith("ال"):
        out.append("al")
    elif f[:3] in ("وال", "بال", "لل", "فال", "كال") or f.startswith("لل"):
        out.append("clitic_al")
    elif f[0] in "وبلف" and len(f) > 3:
        out.append("clitic:" + f[0])
    if f in lex.given or (f[0] == "و" and f[1:] in lex.given):
        out.append("given")
    if any(f.endswith(e) for e in lex.endings):
        out.append("surname_end")
    stems = peel(f, 3)
    if any(lex.inflected(w) for w in stems):
        out.append("inflected")
    if any(word_zipf(w) > 0 for w in stems[1:]):
        out.append("known_stem")
    if len(lex.cache) < _CACHE_WORDS:
        lex.cache[f] = tuple(out)
    return tuple(out)


def token_features(r: Residual, i: int, lex: Lexicon) -> list[str]:
    """The features of candidate token i (strings; a model weighs those it learned): the word's
    own, then its context's."""
    out = list(word_features(r.forms[i], lex))
    n = len(r.forms)
    for side, j in (("p1", i - 1), ("n1", i + 1)):
        if not 0 <= j < n:
            out.append(f"{side}:edge")
            continue
        a, b = (j, i) if side == "p1" else (i, j)
        gap = gap_class(r.norm, r.ends[a], r.starts[b])
        out.append(f"{side}g:{gap}")
        if "n" in gap or "." in gap:
            continue  # another line or sentence: its words say nothing of this one
        out.append(f"{side}:{r.forms[j]}")
        kind = r.mention_type(j)
        if kind is not None:
            out.append(f"{side}t:{kind}")
        elif r.candidate[j]:
            out.append(f"{side}c")
            if gap == "":
                out.append(f"{side}c_joined")
        else:
            out.append(f"{side}z{zipf_bucket(word_zipf(r.forms[j]))}")
        k = j - 1 if side == "p1" else j + 1
        if 0 <= k < n:
            a, b = (k, j) if side == "p1" else (j, k)
            if gap_class(r.norm, r.ends[a], r.starts[b]) == "":
                out.append(f"{side[0]}2:{r.forms[k]}")
    return out


def probabilities(r: Residual, model: NameModel, lex: Lexicon) -> dict[int, float]:
    """Candidate token -> probability of lying inside a name, for the candidates that can be part
    of a name ``decode`` keeps: those of a run of candidates (only spaces between them) with a word
    no list knows (``unlisted``); the others cannot make a name, and cost nothing."""
    out = {}
    n = len(r.forms)
    cand = r.candidate
    end = 0
    for i in compress(range(n), cand):  # (only the candidates are visited)
        if i < end:
            continue  # inside the run already read
        end = i + 1
        while end < n and cand[end] and _SPACES.fullmatch(r.norm, r.ends[end - 1], r.starts[end]):
            end += 1
        if not REQUIRE_UNLISTED or True in r.unlisted[i:end]:
            for k in range(i, end):
                out[k] = model.probability(token_features(r, k, lex))
    return out


def _joined(r: Residual, a: int, b: int) -> bool:
    """Tokens a and b (a < b, adjacent) are written with only spaces or a hyphen between them."""
    return bool(_JOIN.fullmatch(r.norm, r.ends[a], r.starts[b]))


def _beside_person(r: Residual, first: int, end: int) -> bool:
    """Whether a person's mention touches the run, directly or past one word of no mention (spaces
    or a hyphen between): the run is the rest of that person's name (قاسم جومارت of "قاسم جومارت
    توقايف", قربان of "قربان قولي بيردي محمدوف", كاظم of "كاظم-زهومارت توكاييف", where the catalogue
    read the family name), not a new name."""
    n = len(r.forms)
    for step, edge in ((-1, first), (1, end - 1)):
        j = edge
        for _ in range(2):
            k = j + step
            if not 0 <= k < n or not _joined(r, min(j, k), max(j, k)):
                break
            kind = r.mention_type(k)
            if kind == "person":
                return True
            if kind is not None:
                break
            j = k
    return False


def _new_name_at(r: Residual, k: int) -> bool:
    """Token k (inside a run) starts something else: a word glued to the conjunction و (يوساكو
    مايزاوا ويوزو هيرانو: two people; محافظة ضغد ويطلعان: a name and a verb)."""
    f = r.forms[k]
    return f.startswith("و") and len(f) > 3


REQUIRE_UNLISTED = True


def unlisted(form: str) -> bool:
    """wordfreq's large Arabic list does not know the word, nor its stem without the proclitics
    and the article: a name's mark (كوستينكو، ساريبال; not تلوثا، جارتان)."""
    return not any(in_large_list(w) for w in peel(form, 3))


def decode(r: Residual, probs: Mapping[int, float], threshold: float, one_word_threshold: float,
           extend_threshold: float | None = None) -> list[tuple[int, int, float]]:
    """(first, end, p) of each name: a maximal run of candidates at least ``extend_threshold``
    probable (``threshold`` when None), only spaces between them, with one at least ``threshold``
    probable (``one_word_threshold`` for a run of one word: a name's given name is often less sure
    than its family name, ضمير بييشكييف), 1..MAX_WORDS words, none but the first glued to و, no
    person's mention touching it; p is the run's highest probability."""
    low = threshold if extend_threshold is None else min(extend_threshold, threshold)
    out = []
    n, end = len(r.forms), 0
    for i in sorted(probs):  # (only the scored candidates are visited)
        if i < end or probs[i] < low:
            continue
        end = i + 1
        while end < n and probs.get(end, 0.0) >= low and _SPACES.fullmatch(r.norm, r.ends[end - 1], r.starts[end]) \
                and not _new_name_at(r, end):
            end += 1
        p = max(probs[k] for k in range(i, end))
        if end - i <= MAX_WORDS and p >= (threshold if end - i > 1 else one_word_threshold) \
                and not _beside_person(r, i, end) and (not REQUIRE_UNLISTED or True in r.unlisted[i:end]):
            out.append((i, end, p))
    return out
