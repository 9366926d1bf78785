"""Join the live view's ES modules into the one script Streamlit's components v2 takes.

A component's JS is one string (no URLs, no imports), so the modules in ``live_view_js/``
are joined here: each module's body runs inside a function of its own (its private names
stay private, as in a real module) that returns what it exports, in dependency order, and
each ``import { a, b } from "./x.mjs";`` becomes ``const { a, b } = <x's exports>;``. The
entry module stays at the top level, so its ``export default function`` is the component's.
Comments stay as written: nothing is stripped.

Only the forms the view uses are understood; anything else raises `BundleError` naming the
file and line, rather than being passed through to fail in the browser:

- ``import { a, b as c } from "./name.mjs";`` on one line, from a module in the same folder;
- ``export const|function|class name`` (``export let`` is refused: a live binding would
  not survive the copy into the importer's ``const``);
- ``export default function name(`` in the entry module only.

Node imports the same files directly (``node --test tests/js``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

IMPORT = re.compile(r'import \{([^}]*)\} from "\./([\w-]+\.mjs)";')
EXPORT = re.compile(r"export (const|function\*?|class|async function) ([A-Za-z_$][\w$]*)\b")
DEFAULT = re.compile(r"export default function ([A-Za-z_$][\w$]*)\(")
KEYWORD = re.compile(r"\s*(import|export)\b")
BINDING = re.compile(r"([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?")


class BundleError(ValueError):
    """A module the bundler does not understand (with its file and line)."""


def _module_var(name: str) -> str:
    return "__lv_" + re.sub(r"\W", "_", name)


def _parse(name: str, text: str, entry: bool):
    """(lines with imports and exports rewritten, imports [(module, bindings)], exports)."""
    out, imports, exports = [], [], []
    for no, line in enumerate(text.splitlines(), 1):
        where = f"{name}:{no}"
        if not KEYWORD.match(line):
            out.append(line)
            continue
        if m := IMPORT.fullmatch(line):
            pairs = []
            for part in (p.strip() for p in m.group(1).split(",")):
                b = BINDING.fullmatch(part)
                if not b:
                    raise BundleError(f"{where}: cannot read the import {part!r}")
                pairs.append((b.group(1), b.group(2) or b.group(1)))
            imports.append((m.group(2), pairs, where))
            fields = ", ".join(a if a == b else f"{a}: {b}" for a, b in pairs)
            out.append(f"const {{ {fields} }} = {_module_var(m.group(2))};")
        elif m := EXPORT.match(line):
            exports.append(m.group(2))
            out.append(line[len("export ") :])
        elif DEFAULT.match(line):
            if not entry:
                raise BundleError(f"{where}: only the entry module may have a default export")
            out.append(line)
        else:
            raise BundleError(f"{where}: cannot bundle {line.strip()!r}")
    return out, imports, exports


def bundle(folder: Path, entry: str, generated: dict[str, str] | None = None) -> str:
    """The modules reachable from ``entry`` in ``folder`` (plus ``generated``: name → source
    of modules made at build time) as one script.

    Raises
    ------
    BundleError
        A missing module or name, an import cycle, or a line it does not understand.
    """
    generated = generated or {}
    parsed: dict[str, tuple] = {}
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str, seen_at: str) -> None:
        if name in parsed:
            return
        if name in visiting:
            cycle = " → ".join([*visiting[visiting.index(name) :], name])
            raise BundleError(f"import cycle: {cycle}")
        if name in generated:
            text = generated[name]
        elif (folder / name).is_file():
            text = (folder / name).read_text(encoding="utf-8")
        else:
            raise BundleError(f"{seen_at}: no module {name!r} in {folder}")
        visiting.append(name)
        lines, imports, exports = _parse(name, text, entry=name == entry)
        for dep, pairs, where in imports:
            visit(dep, where)
            missing = [a for a, _ in pairs if a not in parsed[dep][2]]
            if missing:
                raise BundleError(f"{where}: {dep} does not export {', '.join(missing)}")
        visiting.pop()
        parsed[name] = (lines, imports, exports)
        order.append(name)

    visit(entry, "entry")
    parts = []
    for name in order:
        lines, _, exports = parsed[name]
        body = "\n".join(lines).strip("\n")
        if name == entry:
            parts.append(f"// ---- {name}\n{body}\n")
        else:
            names = ", ".join(exports)
            parts.append(
                f"// ---- {name}\nconst {_module_var(name)} = (() => {{\n{body}\n"
                f"return {{ {names} }};\n}})();\n"
            )
    return "\n".join(parts)


def text_module(name: str, text: str) -> str:
    """A generated module exporting ``text`` as the constant ``name`` (e.g. the CSS)."""
    return f"export const {name} = {json.dumps(text, ensure_ascii=False)};\n"
