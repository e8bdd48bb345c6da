"""A hostile corpus, generated: the good seed articles mixed with every kind of bad input an
unlucky user or an attacker can put in a folder. ``write_hostile(folder)`` returns what a build
must make of it (used by tests/pipeline/test_hostile_corpus.py and benchmarks/hostile_memory.py)."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.paths import SEEDS_DIR

SEED_IDS = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
DEEP_LEVELS = 990


@dataclass
class Expected:
    kept: set[str] = field(default_factory=set)                 # article ids that must come out
    rejected: dict[str, str] = field(default_factory=dict)      # origin -> reason
    warnings: dict[str, str] = field(default_factory=dict)      # article id -> a phrase its warning holds


def _paragraphs() -> list[str]:
    text = (SEEDS_DIR / "001_bebae4cf14fa5b29.txt").read_text("utf-8")
    return [p for p in text.split("\n") if len(p) > 80]


def write_hostile(root: Path, sparse_bytes: int = 64 * 2**20) -> Expected:
    root.mkdir(parents=True, exist_ok=True)
    exp = Expected()
    name = root.name
    paras = _paragraphs()

    def para(i: int) -> str:
        return f"{paras[i % len(paras)]} ({i})"

    # The good seed articles with their manifest.
    shutil.copytree(SEEDS_DIR, root / "seeds")
    exp.kept |= set(SEED_IDS)

    # JSON Lines: 50 good records, bad ones between them.
    lines: list[bytes] = []
    for i in range(1, 51):
        lines.append(json.dumps({"id": f"J{i:02d}", "title": f"عنوان {i}", "text": para(i)},
                                ensure_ascii=False).encode())
        exp.kept.add(f"J{i:02d}")
        if i == 5:  # a lone surrogate in the text, the id, the title
            for key in ("text", "id", "title"):
                rec = {"id": f"S-{key}", "title": "عنوان", "text": para(100)}
                rec[key] = rec[key] + "\ud800"
                lines.append(json.dumps(rec).encode())
                exp.rejected[f"{name}/records.jsonl#{len(lines)}"] = "bad_unicode"
        if i == 10:  # bytes that are not UTF-8 inside one record
            lines.append('{"id": "BYTES", "text": "نص '.encode() + b"\xff\xfe\xc3" + ' نص"}'.encode())
            exp.rejected[f"{name}/records.jsonl#{len(lines)}"] = "undecodable"
        if i == 20:  # pathological nesting
            lines.append(b'{"id": "DEEP", "text": "x", "meta": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
            exp.rejected[f"{name}/records.jsonl#{len(lines)}"] = "bad_json"
        if i == 30:  # the same id, decomposed (NFD) and composed (NFC), same text: a duplicate
            lines.append(json.dumps({"id": "cafe\u0301", "text": para(200)}).encode())
            exp.kept.add("caf\u00e9")
            lines.append(json.dumps({"id": "caf\u00e9", "text": para(200)}).encode())
            exp.rejected[f"{name}/records.jsonl#{len(lines)}"] = "duplicate_id"
        if i == 40:  # text of zero-width characters only
            lines.append(json.dumps({"id": "ZW-J", "text": "\u200b\u200c\u200d\u2060" * 20}).encode())
            exp.rejected[f"{name}/records.jsonl#{len(lines)}"] = "blank"
    (root / "records.jsonl").write_bytes(b"\n".join(lines) + b"\n")

    # CSV: one unclosed quote must cost its row only.
    rows = ["id,title,text"]
    for i in range(1, 11):
        if i == 4:
            rows.append(f'C04,عنوان,"{para(300)} بلا علامة إغلاق')
            exp.rejected[f"{name}/table.csv#4"] = "bad_csv_row"
            continue
        rows.append(f'C{i:02d},عنوان {i},"{para(300 + i)}, مع فاصلة"')
        exp.kept.add(f"C{i:02d}")
    (root / "table.csv").write_text("\n".join(rows) + "\n", "utf-8")

    # TREC: lower-case tags; and a document with undecodable bytes between two good ones.
    (root / "lower.trec").write_text(
        "".join(f"<doc>\n<docno>L{i}</docno>\n<title>عنوان</title>\n<text>\n{para(400 + i)}\n</text>\n</doc>\n"
                for i in (1, 2)), "utf-8")
    exp.kept |= {"L1", "L2"}
    docs = [f"<DOC>\n<DOCNO>B{i}</DOCNO>\n<TEXT>\n{para(500 + i)}\n</TEXT>\n</DOC>\n".encode() for i in (1, 2, 3)]
    docs[1] = docs[1].replace(b"<TEXT>\n", b"<TEXT>\n" + b"\xff\xfe\xfd ")
    (root / "bytes.trec").write_bytes(b"".join(docs))
    exp.kept |= {"B1", "B3"}
    exp.rejected[f"{name}/bytes.trec#2"] = "undecodable"

    # Plain files: zero-width only; a 64 MB (or larger) sparse file, binary by its first bytes.
    (root / "zero_width.txt").write_text("\u200b\u200c\u200d\u2060\u200f" * 30, "utf-8")
    exp.rejected[f"{name}/zero_width.txt"] = "blank"
    with (root / "sparse.txt").open("wb") as f:
        f.truncate(sparse_bytes)
    exp.rejected[f"{name}/sparse.txt"] = "binary"

    # The file system: links out of the corpus, to a folder, a pipe, a name that is not UTF-8, and
    # an article at the bottom of 990 nested folders.
    os.symlink("/etc/passwd", root / "passwd.txt")
    exp.rejected[f"{name}/passwd.txt"] = "link_outside"
    os.symlink(root / "seeds", root / "seeds_link")
    exp.rejected[f"{name}/seeds_link"] = "folder_link"
    os.mkfifo(root / "pipe.txt")
    exp.rejected[f"{name}/pipe.txt"] = "not_a_file"
    (root / os.fsdecode(b"bad\xff-name.txt")).write_text("عنوان\n" + para(600), "utf-8")
    exp.rejected[f"{name}/bad\ufffd-name.txt"] = "bad_file_name"
    deep = root
    for _ in range(DEEP_LEVELS):  # one level at a time: mkdir(parents=True) recurses
        deep = deep / "d"
        deep.mkdir()
    (deep / "deep_article.txt").write_text("عنوان\n" + para(700), "utf-8")
    exp.kept.add("deep_article")

    # A manifest with an impossible date, a row for an article that does not exist, a duplicated row.
    meta = root / "meta"
    meta.mkdir()
    for stem in ("M1", "M2", "M3"):
        (meta / f"{stem}.txt").write_text("عنوان\n" + para(800 + int(stem[1])), "utf-8")
    exp.kept |= {"M1", "M2", "M3"}
    (meta / "manifest.yaml").write_text(
        "- {article_id: M1, published: 2022-02-29, source: وكالة}\n"
        "- {article_id: M2, published: 2022-03-01}\n"
        "- {article_id: GHOST, published: 2022-03-02}\n"
        "- {article_id: M3, source: الأولى}\n"
        "- {article_id: M3, source: الثانية}\n", "utf-8")
    exp.rejected[f"{name}/meta/manifest.yaml#5"] = "duplicate_manifest_row"
    exp.warnings["M1"] = "2022-02-29"
    exp.warnings["GHOST"] = "no article"
    return exp


def remove_deep(root: Path) -> None:
    """Remove the 990 nested folders without recursion (shutil.rmtree recurses per level)."""
    levels = []
    folder = root / "d"
    while folder.is_dir():
        levels.append(folder)
        folder = folder / "d"
    for folder in reversed(levels):
        for entry in folder.iterdir():
            if not entry.is_dir():
                entry.unlink()
        folder.rmdir()
