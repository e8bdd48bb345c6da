"""Page choices in the URL: every choice that changes what a page shows (the concordance query,
the compare queries, the chosen entity or event, time granularity...) is a query parameter, so a
copied link shows the same page and the browser's Back button returns to the previous state.

A page declares its parameters once (``page_params``) before drawing its widgets; the widgets
use the declared session keys and no ``value=`` of their own. The entrypoint writes the URL
after every run from the filters and the page's declared keys (``state.write_url``).

Back and Forward: Streamlit reruns the script with the URL it went back to. When that URL is not
the one the app last wrote (and is not empty: a page switch clears the parameters, and the
choices must carry over then), the widgets are seeded again from it (``url_moved``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

_WRITTEN = "_url_written"      # the parameters the app last wrote (dict of lists)
_MOVED = "_url_moved"          # this run's URL came from history or a hand edit
_PAGE = "_url_page_params"     # the running page's declared parameters
_SEEDED = "_url_seeded_pages"  # pages whose keys were seeded in this session


@dataclass(frozen=True)
class Param:
    """One URL parameter bound to a session key: ``kind`` str | int | bool | list."""

    name: str
    default: Any = ""
    kind: str = "str"
    choices: tuple = field(default=())
    max_len: int = 500

    def parse(self, raw: list[str]) -> Any:
        """The value of the parameter's raw strings (last one wins but for lists); a malformed
        or unknown value gives the default, never an error."""
        if not raw:
            return self.default
        if self.kind == "list":
            items = [v.strip()[:self.max_len] for v in raw if v.strip()]
            return [v for v in items if not self.choices or v in self.choices]
        value = raw[-1].strip()
        if self.kind == "bool":
            return value.lower() in ("1", "true", "yes", "on")
        if self.kind == "int":
            try:
                return max(0, int(value))
            except ValueError:
                return self.default
        value = value[:self.max_len]
        return value if not self.choices or value in self.choices else self.default

    def dump(self, value: Any) -> list[str]:
        """The raw strings for ``value``; [] when it is the default (left out of the URL)."""
        if value is None or value == self.default:
            return []
        if self.kind == "list":
            return [str(v) for v in value if str(v).strip()]
        if self.kind == "bool":
            return ["1" if value else "0"]
        return [str(value)]


def snapshot() -> dict[str, list[str]]:
    """The URL's parameters now, each as the list of its values."""
    return {k: st.query_params.get_all(k) for k in st.query_params}


def note_run_start() -> bool:
    """Called once per run before any widget: did the URL move under the app (Back, Forward,
    an edited address)? Remembered for the pages of this run."""
    current = snapshot()
    written = st.session_state.get(_WRITTEN)
    moved = written is not None and bool(current) and current != written
    st.session_state[_MOVED] = moved
    st.session_state[_PAGE] = {}
    return moved


def url_moved() -> bool:
    return bool(st.session_state.get(_MOVED))


def page_params(page: str, params: Mapping[str, Param]) -> None:
    """Declare the running page's URL parameters (session key -> Param) and, on the page's first
    run in this session or after the URL moved, seed those keys from the URL."""
    st.session_state[_PAGE] = dict(params)
    seeded = st.session_state.setdefault(_SEEDED, set())
    current = snapshot()
    if page not in seeded or url_moved():
        for key, param in params.items():
            st.session_state[key] = param.parse(current.get(param.name, []))
        seeded.add(page)
    else:
        for key, param in params.items():
            st.session_state.setdefault(key, param.default)


def page_values() -> dict[str, list[str]]:
    """The running page's declared keys as URL parameters (defaults left out)."""
    out: dict[str, list[str]] = {}
    for key, param in (st.session_state.get(_PAGE) or {}).items():
        raw = param.dump(st.session_state.get(key, param.default))
        if raw:
            out[param.name] = raw
    return out


def write(params: Mapping[str, list[str] | str]) -> None:
    """Make the URL say ``params`` (only when it differs: each write is a history entry)."""
    wanted = {k: ([v] if isinstance(v, str) else list(v)) for k, v in params.items()}
    wanted = {k: v for k, v in wanted.items() if v}
    if snapshot() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[_WRITTEN] = wanted
