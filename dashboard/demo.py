"""``python -m dashboard.demo``: the multi-outlet demo dataset, built from the ANT corpus with the
product's own build.

The ANT corpus (Arabic News Texts v2.1: 31,798 articles from Al Arabiya, BBC Arabic, CNN Arabic,
France 24 and Sky News Arabia, February-October 2018; Apache-2.0) is not shipped: unpack it (for
example at corpora/ant) and run

    python -m dashboard.demo --corpus corpora/ant

The selection rule (``select``), applied to every article of the corpus in DOCNO order:
1. it names Russia, China or Central Asia (``REGION_NAMES``: the countries, their capitals, their
   leaders and nationality adjectives, folded like the product folds text, proclitics و ف ب ل ك ال
   peeled) in its title or at least ``MIN_BODY_MENTIONS`` times in its text;
2. its text is not an exact copy of an article already selected (the corpus holds 1,480 extra
   copies of identical texts; the copy with the smallest DOCNO is kept).
Sport is kept (``EXCLUDED_CATEGORIES`` is empty): the 2018 World Cup was played in Russia, and
~2,100 of the articles are its sport pages; the Themes filter sets them aside. On ANT v2.1 the
rule selects 6,896 of 31,525 articles (a rule of 2 mentions: 4,796; sport excluded: 4,759).

The DOCNOs chosen are written to ``docnos.list`` beside the dataset; with that file present the
command builds exactly those articles again (``--reselect`` applies the rule anew). The dataset
folder also receives ``about.json`` (what the dataset is, its licence and the citation the corpus
requires; the app shows them whenever the dataset is open) and the corpus's licence text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest.records import RawArticle
from dashboard.ingest.trec import iter_trec
from dashboard.paths import DATA_DIR, REPO_ROOT
from dashboard.text.clitics import PREFIXES
from dashboard.text.normalize import fold

DEMO_NAME = "ant-demo"
DEMO_DIR = DATA_DIR / "datasets" / DEMO_NAME
DEFAULT_CORPUS = REPO_ROOT / "corpora" / "ant"
# Files the demo keeps beside the built tables (the build itself owns the rest of the folder).
DOCNOS_FILE = "docnos.list"
ABOUT_FILE = "about.json"
LICENCE_FILE = "LICENSE-ANT"
COMPANION_FILES = (DOCNOS_FILE, ABOUT_FILE, LICENCE_FILE)

MIN_BODY_MENTIONS = 1
EXCLUDED_CATEGORIES: frozenset[str] = frozenset()

# Names of the region as written in Arabic news, spelling variants included (see GUIDE: بوتين /
# بوتن, قيرغيزستان / قرغيزستان, أستانا / أستانة ...). Matched as whole words after folding and
# peeling proclitics; two-word names are matched as consecutive words.
REGION_NAMES: tuple[str, ...] = (
    # Russia
    "روسيا", "روسي", "روسية", "الروسي", "الروسية", "الروس", "موسكو", "الكرملين", "بوتين", "بوتن",
    "لافروف", "ميدفيديف", "شويغو", "سان بطرسبرغ",
    # China
    "الصين", "صيني", "صينية", "الصيني", "الصينية", "بكين", "بيجين", "شي جين بينغ", "شي جينبينغ",
    "وانغ يي", "شنغهاي",
    # Central Asia
    "آسيا الوسطى", "كازاخستان", "كازاخي", "كازاخية", "الكازاخي", "الكازاخية", "أستانا", "أستانة",
    "ألماتي", "نزارباييف", "نازارباييف", "أوزبكستان", "أوزباكستان", "طشقند", "ميرضيائيف",
    "قيرغيزستان", "قرغيزستان", "قرغيزيا", "بيشكيك", "طاجيكستان", "دوشنبه", "رحمون",
    "تركمانستان", "تركمنستان", "عشق آباد", "عشق أباد",
)

LICENCE = "Apache-2.0"
CITATION = ("Chouigui, A., Ben Khiroun, O., Elayeb, B. (2021). An Arabic Multi-source News Corpus: "
            "Experimenting on Single-document Extractive Summarization. Arabian Journal for Science "
            "and Engineering 46(8), 8013-8032. https://doi.org/10.1007/s13369-020-05258-z")
ABOUT = {
    "name": {"ar": "عرض تجريبي: روسيا والصين وآسيا الوسطى في خمسة مصادر عربية (2018)",
             "en": "Demo: Russia, China and Central Asia in five Arabic outlets (2018)"},
    "description": {
        "ar": "مقالات من مجموعة ANT (العربية، بي بي سي عربي، سي إن إن بالعربية، فرانس 24، سكاي "
              "نيوز عربية؛ فبراير - أكتوبر 2018) تتناول روسيا والصين وآسيا الوسطى.",
        "en": "Articles of the ANT corpus (Al Arabiya, BBC Arabic, CNN Arabic, France 24, Sky News "
              "Arabia; February-October 2018) that concern Russia, China and Central Asia."},
    "corpus": "ANT (Arabic News Texts) corpus v2.1, https://antcorpus.github.io",
    "licence": LICENCE,
    "licence_url": "https://www.apache.org/licenses/LICENSE-2.0",
    "citation": CITATION,
    "rule": ("Names Russia, China or Central Asia (their countries, capitals, leaders or "
             "nationality adjectives: dashboard/demo.py REGION_NAMES) in its title or text; exact "
             "duplicate texts dropped (smallest DOCNO kept)."),
    "command": "python -m dashboard.demo --corpus corpora/ant",
}
LICENCE_TEXT = f"""The ANT corpus (Arabic News Texts), from which this dataset's articles come, is
distributed under the Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0

Cite it as:
{CITATION}
"""

_WORD = re.compile(r"\w+")


def _name_keys() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """Folded one-word names, and folded multi-word names as word tuples."""
    single, multi = set(), set()
    for name in REGION_NAMES:
        words = tuple(_WORD.findall(fold(name)))
        (single.add(words[0]) if len(words) == 1 else multi.add(words))
    return frozenset(single), frozenset(multi)


_SINGLE, _MULTI = _name_keys()


def _bare(word: str) -> str | None:
    """The word itself or, proclitics peeled, a region name it carries (وروسيا, لبكين)."""
    if word in _SINGLE:
        return word
    for prefix in PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in _SINGLE:
            return word[len(prefix):]
    return None


def region_mentions(text: str) -> int:
    """How many times ``text`` names Russia, China or Central Asia."""
    words = _WORD.findall(fold(text or ""))
    count = sum(_bare(w) is not None for w in words)
    for name in _MULTI:
        n = len(name)
        for i in range(len(words) - n + 1):
            first = words[i] if words[i] == name[0] else (_peeled(words[i], name[0]))
            if first and tuple(words[i + 1:i + n]) == name[1:]:
                count += 1
    return count


def _peeled(word: str, target: str) -> str | None:
    for prefix in PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] == target:
            return target
    return None


@dataclass(frozen=True)
class Candidate:
    docno: str
    path: Path
    category: str
    title_mentions: int
    body_mentions: int
    digest: str


def read_corpus(corpus: Path) -> Iterator[Candidate]:
    """Every document of the TREC-tagged files under ``corpus`` (sorted by path)."""
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix == ".txt"):
        with path.open(encoding="utf-8", errors="replace") as stream:
            for item in iter_trec(stream, path.name, path.stem, 5_000_000):
                if not isinstance(item, RawArticle):
                    continue
                yield Candidate(
                    docno=item.article_id, path=path,
                    category=str(item.extra.get("category", "")),
                    title_mentions=region_mentions(item.title or ""),
                    body_mentions=region_mentions(item.text),
                    digest=hashlib.sha1(" ".join(item.text.split()).encode()).hexdigest())


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The rule in the module's docstring, in DOCNO order."""
    chosen: list[Candidate] = []
    seen: set[str] = set()
    for c in sorted(candidates, key=lambda c: c.docno):
        if c.category in EXCLUDED_CATEGORIES:
            continue
        if c.title_mentions < 1 and c.body_mentions < MIN_BODY_MENTIONS:
            continue
        if c.digest in seen:
            continue
        seen.add(c.digest)
        chosen.append(c)
    return chosen


def read_docnos(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stage_inputs(chosen: list[Candidate], staging: Path) -> Path:
    """Copy the chosen files into ``staging/ant`` (their corpus layout kept), so the build reads
    one folder and records origins like ant/BBC/internationalNews/….txt."""
    root = staging / "ant"
    if staging.exists():
        shutil.rmtree(staging)
    for c in chosen:
        rel = c.path.relative_to(c.path.parents[2]) if len(c.path.parents) > 2 else Path(c.path.name)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(c.path, target)
    return root


def write_companions(out_dir: Path, docnos: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / DOCNOS_FILE).write_text("".join(f"{d}\n" for d in docnos), encoding="utf-8")
    (out_dir / ABOUT_FILE).write_text(json.dumps(ABOUT, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    (out_dir / LICENCE_FILE).write_text(LICENCE_TEXT, encoding="utf-8")


def read_about(dataset_dir: Path) -> dict | None:
    """A dataset's ``about.json`` (name, licence, citation), or None when it has none or it is
    unreadable (the app then shows the dataset without it)."""
    try:
        about = json.loads((Path(dataset_dir) / ABOUT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return about if isinstance(about, dict) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="the unpacked ANT corpus (default: corpora/ant)")
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="dataset folder (default: %(default)s)")
    parser.add_argument("--reselect", action="store_true",
                        help="apply the selection rule anew instead of reading docnos.list")
    parser.add_argument("--select-only", action="store_true", help="write docnos.list, build nothing")
    parser.add_argument("--workers", type=int, default=None, help="build worker processes")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: no ANT corpus at {args.corpus}: unpack it there or pass --corpus DIR",
              file=sys.stderr)
        return 2
    candidates = list(read_corpus(args.corpus))
    docnos_path = args.out / DOCNOS_FILE
    if docnos_path.exists() and not args.reselect:
        wanted = set(read_docnos(docnos_path))
        chosen = [c for c in sorted(candidates, key=lambda c: c.docno) if c.docno in wanted]
        missing = wanted - {c.docno for c in chosen}
        if missing:
            print(f"error: {len(missing)} DOCNOs of {docnos_path} are not in {args.corpus} "
                  f"(first: {sorted(missing)[0]}); is it ANT v2.1?", file=sys.stderr)
            return 1
    else:
        chosen = select(candidates)
    docnos = [c.docno for c in chosen]
    print(f"{len(docnos):,} of {len(candidates):,} articles selected", file=sys.stderr)
    if args.select_only:
        write_companions(args.out, docnos)
        return 0
    from dashboard.pipeline.cli import main as build_main

    staging = DATA_DIR / "cache" / f"{DEMO_NAME}-inputs"
    root = stage_inputs(chosen, staging)
    # The build owns the dataset folder and refuses one holding other files: lift ours out first,
    # and put them back however the build ends (an error, Ctrl-C, a kill): a demo dataset without
    # its licence and citation must not be left behind (stop 29: a killed rebuild lost them).
    for name in COMPANION_FILES:
        (args.out / name).unlink(missing_ok=True)
    build_args = [str(root), "--out", str(args.out), "--quiet"]
    if args.workers:
        build_args += ["--workers", str(args.workers)]
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        return build_main(build_args)
    finally:
        signal.signal(signal.SIGTERM, previous)
        write_companions(args.out, docnos)


def _terminated(signum, frame) -> None:
    raise SystemExit(128 + signum)  # so that main's finally runs on a kill, as on Ctrl-C


if __name__ == "__main__":
    sys.exit(main())
