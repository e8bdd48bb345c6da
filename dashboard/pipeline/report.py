"""What a build reports: its summary, or the error that stopped it (imported by every stage that
can refuse, so it depends on nothing of the pipeline)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.ingest.records import Rejection


class BuildError(Exception):
    """A build that cannot produce a dataset; the message says why, for a person. ``kind`` says
    it for a program: 'disk_full', 'read_only', 'write_failed', 'not_ours' or 'input'."""

    def __init__(self, message: str, kind: str = "input"):
        super().__init__(message)
        self.kind = kind


@dataclass
class BuildSummary:
    out_dir: Path
    articles: int = 0
    processed: int = 0
    reused: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: int = 0
    seconds: float = 0.0
    version: str = ""
    exact_duplicates: int = 0
    near_duplicates: int = 0
    # outlet -> (boilerplate sentences, datelines, sentences of its articles so marked)
    boilerplate: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # outlet -> the words by which it names itself, left out of its terms
    self_references: dict[str, list[str]] = field(default_factory=dict)

    @property
    def inputs(self) -> int:
        return self.articles + len(self.rejected)

    def format(self) -> str:
        reasons = Counter(r.reason for r in self.rejected)
        lines = [
            f"Dataset written to {self.out_dir}",
            f"  inputs read      {self.inputs}",
            f"  articles out     {self.articles} ({self.processed} processed, {self.reused} unchanged and reused)",
            f"  rejected         {len(self.rejected)}"
            + (" (" + ", ".join(f"{n} {r}" for r, n in sorted(reasons.items())) + ")" if reasons else ""),
            f"  warnings         {self.warnings} (see the 'warnings' table)",
            f"  duplicates       {self.exact_duplicates + self.near_duplicates} copies of earlier articles "
            f"({self.exact_duplicates} exact, {self.near_duplicates} near; articles.duplicate_of)",
            "  boilerplate      " + ("; ".join(
                f"{src}: {n} sentence{'s' if n != 1 else ''}"
                + (f" + {d} dateline{'s' if d != 1 else ''}" if d else "") + f" ({rows} marked)"
                for src, (n, d, rows) in sorted(self.boilerplate.items())) or "none found")
            + " (see the 'boilerplate' table)",
            "  self-references  " + ("; ".join(f"{src}: {', '.join(words)}" for src, words in
                                               sorted(self.self_references.items())) or "none found"),
            f"  time             {self.seconds:.1f} s",
            f"  version          {self.version[:12]}",
        ]
        return "\n".join(lines)
