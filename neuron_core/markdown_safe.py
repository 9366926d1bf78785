"""A learner's own text (a file name, a cell, a link's value) inside Markdown, shown exactly as
written: no link, image, emphasis, math, HTML or Streamlit icon in it can ever render.

Two ways, one rule for unprintable characters (`escaped`): `inert` quotes a short value as a
code span, cut to a length; `as_text` keeps a whole message as prose, escaping every
character Markdown would read.
"""

from __future__ import annotations

import re

SHOWN_CHARS = 40  # how much of a quoted value `inert` shows
# Markdown that a file's name or cells could smuggle in: links, images, emphasis, code,
# math ($), Streamlit's :icons: and :colour[…], entities and tags.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>$~&]|:(?=\w))")


def escaped(text: str, limit: int | None = SHOWN_CHARS) -> str:
    """``text`` with every unprintable character as an escape (``\\x00``, ``\\u202e``), cut
    to about ``limit`` characters with "…" (``None``: never cut)."""
    out, n = [], 0
    for ch in text:
        piece = ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
        if limit is not None and n + len(piece) > limit:
            out.append("…")
            break
        out.append(piece)
        n += len(piece)
    return "".join(out)


def inert(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as a Markdown code span: shown character for character, never rendered.

    Inside a code span Markdown, HTML, math and Streamlit's ``:color[…]`` and emoji codes
    are all literal (Streamlit's material-icon rewrite is defused below). The fence is
    longer than any run of backticks in the text, and the text has no line breaks left
    (they are escaped), so it cannot close the span early.
    """
    # Streamlit's frontend rewrites ":material/" everywhere in Markdown source, code spans
    # included; an invisible word joiner keeps the text as typed.
    shown = escaped(text, limit).replace(":material/", ":material\u2060/")
    longest = run = 0
    for ch in shown:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    return f"{fence} {shown} {fence}"


def as_text(text: str) -> str:
    """``text`` for a Markdown element (``st.error``) shown exactly as written, whole."""
    return _MARKDOWN.sub(r"\\\1", escaped(text, None))
