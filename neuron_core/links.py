"""Links: the one reader and the one writer of a shared link's query string.

A link spells each control short and stable (``dataset=moons``, ``features=x1,x2,x1^2``,
``alpha=0.5``) and leaves out values that equal the defaults. Links shared before, with
the widgets' long labels (``dataset=Moons (two crescents)``, one ``features=x₁²`` per
feature, ``init=Random``), still open. The reader never raises: a repeated parameter means
its last value (a list's parts all count); a number that names an allowed value (``1e3``,
``300.0``, ``FALSE``) is that value; a number between a slider's steps snaps to the nearest
step; a list keeps the parts that name an option; anything else (NaN, ±inf, 1e400,
kilobytes of text, unknown parameters) gives the default. Every such case gets a note
saying what the page uses instead (a list: which parts it left out), and `notice` lists at
most `MAX_NOTES` of them; the link's own text appears in the notes only inside `inert`
(`neuron_core.markdown_safe`), so no Markdown, HTML or image from a link can ever render.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from .controls import BY_KEY, BY_PARAM, CONTROLS, RUN_KEYS, Control
from .edits import MAX_PLACED, PARAMS, decode_edits, encode_edits, link_budget_problem
from .markdown_safe import SHOWN_CHARS, inert
from .number_format import count
from .start import read_start

MAX_CHARS = 200  # longer values are refused before any parsing
START_CHARS = 400  # … except a chosen start's: up to 8 names and exact floats
MAX_NOTES = 10  # a notice lists this many problems, then says how many more
MAX_DROPPED = 3  # parts of one list a note names
PAGES = {c.part for c in CONTROLS} - {"run", "view"}
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Reading:
    """What a link asks for: control key → value for each control it names (bad values
    replaced by their default), and one note (Markdown, user text inert) per value that
    could not be used as written."""

    values: dict
    notes: tuple[str, ...]


# ---------------------------------------------------------------- reading one value
class _Refused(Exception):
    """A link value the control cannot use (the note says the default is used)."""


def _number(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise _Refused from None
    if not math.isfinite(v):
        raise _Refused
    return v


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _option(c: Control, text: str):
    """The option ``text`` names: its link spelling, its label or its value, any case."""
    want = text.strip().casefold()
    for o in c.options:
        names = {c.spelled(o), c.labels.get(o, ""), str(o)}
        if want in {n.casefold() for n in names if n}:
            return o
    raise _Refused


def _read(c: Control, raws: list[str]):
    """(value, snapped) for the link's values of control ``c`` (not a list: `_read_list`);
    raises `_Refused`."""
    text = raws[-1]
    if any(len(r) > (START_CHARS if c.kind == "start" else MAX_CHARS) for r in raws):
        raise _Refused
    if c.kind == "start":
        try:
            return read_start(text), False
        except ValueError:
            raise _Refused from None
    if c.kind == "toggle":
        word = text.strip().casefold()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE, False
        v = _number(text)
        if v in (0.0, 1.0):
            return v == 1.0, False
        raise _Refused
    if c.kind == "steps":
        try:
            return _option(c, text), False
        except _Refused:
            v = _number(text)
        if not min(c.options) - 1e-12 <= v <= max(c.options) * (1 + 1e-9):
            raise _Refused
        best = min(c.options, key=lambda o: abs(o - v))
        return best, not _close(best, v)
    if c.options:
        return _option(c, text), False
    lo, hi, step = c.span
    v = _number(text)
    if not (lo - 1e-9 * max(1, abs(lo)) <= v <= hi + 1e-9 * max(1, abs(hi))):
        raise _Refused
    if step is None:
        return min(max(v, lo), hi), False
    k = math.floor((v - lo) / step + 0.5)
    best = min(max(lo + k * step, lo), hi)
    best = int(best) if isinstance(step, int) else round(best, 10)
    return best, not _close(best, v)


def _read_list(c: Control, raws: list[str]) -> tuple[tuple, list[str]]:
    """(the options named, the parts that name none) for a multiselect's link values.

    A list may come as one comma-separated value (``features=x1,x2``) or, in links shared
    before, as one value per option (``features=x₁&features=x₂``): every part counts. Raises
    `_Refused` when parts were given and none names an option.
    """
    if any(len(r) > MAX_CHARS for r in raws):
        raise _Refused
    chosen, dropped = set(), []
    for part in (p.strip() for r in raws for p in r.split(",")):
        if not part:
            continue
        try:
            chosen.add(_option(c, part))
        except _Refused:
            dropped.append(part)
    if dropped and not chosen:
        raise _Refused
    return tuple(o for o in c.options if o in chosen), dropped


def _dropped_note(c: Control, param: str, dropped: list[str], value) -> str:
    """Which parts of a list were left out, and what the page uses."""
    names = [inert(d) for d in dropped[:MAX_DROPPED]]
    if len(dropped) > MAX_DROPPED:
        names.append(f"{count(len(dropped) - MAX_DROPPED)} more")
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "is" if len(dropped) == 1 else "are"
    return (
        f"{listed} in {inert(param)} {verb} not an option of {c.label}; the page leaves "
        f"{'it' if len(dropped) == 1 else 'them'} out and uses {c.show(value)}."
    )


# ---------------------------------------------------------------- reading a link
def read_link(query: dict[str, list[str]], page: str = "") -> Reading:
    """What the link's query (parameter → its values, in order) asks ``page`` to show.

    ``page`` is the URL path of the page the link opens ("" for the home page): a choice
    that belongs to another page is left out with a note. Never raises.
    """
    values, notes = {}, []
    placed = {}  # the placed points' parameters (`neuron_core.edits`), read together below
    for param, raws in query.items():
        raws = [str(r) for r in raws] if isinstance(raws, list | tuple) else [str(raws)]
        if not raws:
            continue
        if param in PARAMS:
            placed[param] = raws[-1]
            continue
        quoted = inert(f"{param}={raws[-1]}")
        size = len(raws[-1])
        longer = f" (a value of {count(size)} characters)" if size > SHOWN_CHARS else ""
        c = BY_PARAM.get(param)
        if c is None:
            notes.append(f"{quoted}{longer}: the app has no setting called that; ignored.")
            continue
        if c.part not in ("run", "view", page):
            notes.append(f"{quoted} belongs to another page; ignored here.")
            continue
        try:
            if c.kind == "multiselect":
                (value, dropped), snapped = _read_list(c, raws), False
                if dropped:
                    notes.append(_dropped_note(c, param, dropped, value))
            else:
                value, snapped = _read(c, raws)
        except _Refused:
            uses = "its own choice" if c.default is None else f"the default, {c.show(c.default)}"
            notes.append(f"{quoted}{longer} is not a value for {c.label}; the page uses {uses}.")
            if c.default is not None:
                values[c.key] = c.default
            continue
        values[c.key] = value
        if snapped:
            notes.append(
                f"{quoted} lies between the steps of {c.label}; the page uses the nearest, "
                f"{c.show(value)}."
            )
    if placed:
        try:
            values["edits"] = decode_edits(placed.get("pts"), placed.get("rm"))
        except ValueError:
            notes.append(
                "The link's placed points (pts, rm) cannot be read (a link carries at most "
                f"{count(MAX_PLACED)}, spelled by Share); the page opens without them."
            )
    return Reading(values, tuple(notes))


def notice(notes) -> str:
    """One notice (Markdown) for a link's notes: the first `MAX_NOTES`, then how many more."""
    notes = list(notes)
    many = f"{count(len(notes))} values" if len(notes) > 1 else "a value"
    shown = notes[:MAX_NOTES]
    if len(notes) > MAX_NOTES:
        shown.append(f"… and {count(len(notes) - MAX_NOTES)} more, not listed here.")
    return f"This link had {many} the app cannot use as written.\n\n" + "\n".join(
        f"- {n}" for n in shown
    )


def page_of(path: str) -> str:
    """The page a link's path opens: its last segment if that names a page with its own
    choices, else "" (the base URL may carry a prefix, e.g. a hosted copy under /app/)."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last if last in PAGES else ""


def values_from_link(link: str) -> dict:
    """Every run control's value a link opens with, and presenter mode: the link's values,
    the defaults for the rest; plus any page-local choices the link carries."""
    parts = urlsplit(link)
    reading = read_link(parse_qs(parts.query, keep_blank_values=True), page_of(parts.path))
    out = {k: BY_KEY[k].default for k in (*RUN_KEYS, "presenter")}
    return {**out, **reading.values}


# ---------------------------------------------------------------- writing a link
def link_pairs(values: dict, page: str = "", defaults: dict | None = None) -> list[tuple]:
    """(parameter, spelling) for each control in ``values`` that differs from its default,
    and the points placed on the map (``values["edits"]``, see `neuron_core.edits`).

    Run controls first (table order), then ``page``'s own choices, presenter mode last.
    ``defaults`` overrides a default the data decides (a page's presets, its example). The
    initial-weights seed only matters (and only has a widget) for random initial weights,
    the chosen start only for "Your start".
    """
    defaults = defaults or {}
    order = [c for c in CONTROLS if c.part == "run"]
    order += [c for c in CONTROLS if c.part == page and page]
    order += [c for c in CONTROLS if c.part == "view"]
    pairs = []
    for c in order:
        if c.key not in values or values[c.key] is None:
            continue
        if c.key == "init_seed" and values.get("init") != "random":
            continue
        if c.key == "start" and values.get("init") != "chosen":
            continue
        default = defaults.get(c.key, c.default)
        if default is not None and _same(values[c.key], default):
            continue
        pairs.append((c.url, c.spelled(values[c.key])))
    # The points placed on the map, after the run's controls (a link past the budget
    # leaves them out: Share says so and offers the data's CSV; so does a link to an
    # uploaded file's data, which the link cannot carry).
    edits = values.get("edits")
    uploaded = values.get("source") == "Upload CSV"
    if not link_budget_problem(edits) and not uploaded:
        at = sum(1 for p, _ in pairs if BY_PARAM[p].part == "run")
        pairs[at:at] = list(encode_edits(edits).items())
    return pairs


def _same(a, b) -> bool:
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return tuple(a) == tuple(b)
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return a == b
    return _close(float(a), float(b))


def share_query(values: dict, page: str = "", defaults: dict | None = None) -> str:
    """The query string of `link_pairs` (commas, ^, *, brackets and colons left readable)."""
    return urlencode(link_pairs(values, page, defaults), safe=",^*():")


def share_link(base_url: str, page_path: str, values: dict, defaults: dict | None = None) -> str:
    """``base_url/page_path?query`` (the home page when ``page_path`` is empty)."""
    base = base_url.rstrip("/")
    page = page_path.strip("/")
    query = share_query(values, page, defaults)
    return f"{base}/{page}" + (f"?{query}" if query else "")


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def is_local(url: str) -> bool:
    """Whether ``url`` names this computer only (localhost, 127.x, ::1): other devices
    that open it reach themselves, not the app."""
    host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
    return host in LOCAL_HOSTS or host.startswith("127.") or host.endswith(".localhost")
