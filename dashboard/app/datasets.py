"""Which dataset the app shows: every built dataset under data/datasets/ (and the one given with
``--data DIR`` or $KZ_DASHBOARD_DATA), picked in the sidebar, the choice kept in the URL
(``?dataset=NAME``). Each is listed with its articles, outlets and period; a dataset's
``about.json`` (name, licence, citation: see dashboard/demo.py) is shown wherever it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import streamlit as st

from dashboard.app import data
from dashboard.app.components import esc
from dashboard.app.i18n import plural, t
from dashboard.dataset import dataset_version
from dashboard.demo import DEMO_NAME, read_about

PARAM = "dataset"
KEY = "dataset"
INFO_FILE = "build_info.json"
# Without an explicit --data, a newcomer first sees the multi-outlet demo when it is built.
PREFERRED = (DEMO_NAME,)


@dataclass(frozen=True)
class Choice:
    name: str    # the URL's ?dataset= value: the folder's name
    path: Path


def _datasets_dir() -> Path:
    return data.DEFAULT_DATASET_DIR.parent


def _is_built(folder: Path) -> bool:
    return (folder / INFO_FILE).is_file()


def choices() -> list[Choice]:
    """The shipped dataset (built on start when missing), every other built dataset beside it,
    and the one given on the command line, each once; names unique."""
    given = data.dataset_path()
    folders = [data.DEFAULT_DATASET_DIR]
    root = _datasets_dir()
    if root.is_dir():
        folders += sorted(p for p in root.iterdir() if p.is_dir() and _is_built(p))
    folders.append(given)
    out: list[Choice] = []
    seen_paths: set[Path] = set()
    for folder in folders:
        resolved = folder.resolve()
        if resolved in seen_paths:
            continue
        seen_paths.add(resolved)
        name = folder.name or "dataset"
        taken = {c.name for c in out}
        n = 2
        while name in taken:
            name, n = f"{folder.name}-{n}", n + 1
        out.append(Choice(name, resolved))
    return out


def default_choice(options: list[Choice]) -> Choice:
    given = data.dataset_path().resolve()
    if given != data.DEFAULT_DATASET_DIR.resolve():  # --data / $KZ_DASHBOARD_DATA: what was asked
        return next(c for c in options if c.path == given)
    for name in PREFERRED:
        for c in options:
            if c.name == name and _is_built(c.path):
                return c
    return options[0]


def initial_path() -> Path:
    """The dataset this run shows, before any widget is drawn (so a new process can start
    loading it at once): the session's choice, else the URL's, else the default."""
    options = choices()
    by_name = {c.name: c for c in options}
    wanted = st.session_state.get(KEY) or st.query_params.get(PARAM)
    chosen = by_name.get(wanted) if wanted else None
    return (chosen or default_choice(options)).path


@st.cache_data(show_spinner=False, max_entries=32)
def _summary(path: str, version: str | None) -> dict:
    """Unique stories, outlets and first/last publication day of a built dataset (three columns read)."""
    if version is None:
        return {}
    try:
        table = pq.read_table(Path(path) / "articles.parquet", columns=["source", "published", "duplicate_of"])
    except (OSError, ValueError):
        return {}
    # unique stories, as every page counts them by default (copies of earlier ones left out)
    table = table.filter(pc.is_null(table.column("duplicate_of")))
    published = table.column("published").cast("string")
    days = pc.utf8_slice_codeunits(published, 0, 10)
    first, last = pc.min(days).as_py(), pc.max(days).as_py()
    return {"articles": table.num_rows,
            "outlets": len(pc.unique(table.column("source").drop_null())),
            "first": first, "last": last}


def summary(choice: Choice) -> dict:
    return _summary(str(choice.path), dataset_version(choice.path))


def title(choice: Choice, lang: str) -> str:
    about = read_about(choice.path) or {}
    names = about.get("name")
    if isinstance(names, dict) and (names.get(lang) or names.get("en")):
        return str(names.get(lang) or names.get("en"))
    return t("dataset_seeds", lang) if choice.path == data.DEFAULT_DATASET_DIR.resolve() \
        else choice.name


def describe(choice: Choice, lang: str) -> str:
    """"Name · 6,896 articles · 5 outlets · 2018-02-01 – 2018-10-20"."""
    facts = summary(choice)
    parts = [f"\u2068{title(choice, lang)}\u2069"]  # first-strong isolate: a Latin folder name
    if facts:
        parts += [plural(facts["articles"], "article", lang), plural(facts["outlets"], "outlet", lang)]
        if facts.get("first") and facts.get("last"):
            # Isolated left to right: in the Arabic sidebar the dates would otherwise reorder.
            parts.append(f"\u2066{facts['first']} – {facts['last']}\u2069")
    else:
        parts.append(t("dataset_not_built", lang))
    return " · ".join(parts)


def _switched() -> None:
    """A new dataset: the filters and picks of the old one mean nothing there."""
    keep = {k: st.query_params.get(k) for k in ("lang",) if st.query_params.get(k)}
    st.query_params.from_dict(keep)
    for key in list(st.session_state):
        if key.startswith("f_") or key in ("_filters_seeded", "reader_article", "entity_pick",
                                           "timeline_event", "kwic_query"):
            del st.session_state[key]


def picker(lang: str) -> Path:
    """The sidebar's dataset choice (listed with their articles, outlets and period), mirrored
    in the URL; returns the chosen dataset's folder."""
    options = choices()
    by_name = {c.name: c for c in options}
    default = default_choice(options)
    if st.session_state.get(KEY) not in by_name:
        wanted = st.query_params.get(PARAM)
        st.session_state[KEY] = wanted if wanted in by_name else default.name
    name = st.sidebar.selectbox(t("dataset", lang), list(by_name), key=KEY,
                                format_func=lambda n: describe(by_name[n], lang),
                                on_change=_switched)
    if name == default.name:
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    elif st.query_params.get(PARAM) != name:
        st.query_params[PARAM] = name
    return by_name[name].path


def about_text(path: Path, lang: str) -> str | None:
    """The dataset's provenance line: its corpus, licence and the citation it requires."""
    about = read_about(path)
    if not about:
        return None
    return t("dataset_about", lang, corpus=about.get("corpus", ""),
             licence=about.get("licence", ""), citation=about.get("citation", ""))


def footer(path: Path, lang: str) -> None:
    """The open dataset's corpus, licence and required citation, under every page. Escaped: a
    dataset folder given with --data may hold any about.json."""
    text = about_text(path, lang)
    if text:
        st.html(f'<p class="kz-about" dir="{"rtl" if lang == "ar" else "ltr"}">{esc(text)}</p>')


def period(path: Path) -> str:
    """The years the dataset's unique stories span: "2018", "2020–2023" ('' when undated)."""
    facts = _summary(str(path), dataset_version(path))
    first, last = (facts.get("first") or "")[:4], (facts.get("last") or "")[:4]
    if not first or not last:
        return ""
    return first if first == last else f"{first}–{last}"


def subtitle(path: Path, lang: str) -> bool:
    """Draw the dataset's name from its about.json under the app's title (escaped); False when
    it has none."""
    names = (read_about(path) or {}).get("name")
    name = str(names.get(lang) or names.get("en") or "") if isinstance(names, dict) else ""
    if name:
        st.html(f'<p class="kz-subtitle" dir="{"rtl" if lang == "ar" else "ltr"}">{esc(name)}</p>')
    return bool(name)


def rebuild_command(path: Path) -> str:
    """How to rebuild the dataset at ``path``: its about.json's command (the ANT demo's is
    ``python -m dashboard.demo``), else the build's own."""
    command = (read_about(path) or {}).get("command")
    return str(command) if command else f"python -m dashboard.build SOURCE --out {path}"
