"""The build step that joins the live view's ES modules into one script (js_bundle)."""

from __future__ import annotations

import json

import pytest

from neuron_core.figures.js_bundle import BundleError, bundle, text_module
from neuron_core.figures.live_view import script
from tests.node import run_node


def write(folder, **modules):
    for name, text in modules.items():
        (folder / f"{name}.mjs").write_text(text, encoding="utf-8")
    return folder


def run_bundle(tmp_path, js: str, tail: str) -> str:
    """Run a bundle with ``tail`` appended in node; what it prints."""
    path = tmp_path / "out.mjs"
    path.write_text(js + "\n" + tail, encoding="utf-8")
    done = run_node(str(path))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_modules_run_in_dependency_order_with_private_names(tmp_path):
    """Each module keeps its own top-level names (two `helper`s do not clash); imports,
    renames included, see what their module exports; the entry's default export stays."""
    folder = write(
        tmp_path,
        a=(
            "// a's helper\nconst helper = 2;\n"
            "export function double(x) {\n  return x * helper;\n}\n"
            "export const A = 'a';\n"
        ),
        b=(
            'import { double, A as letter } from "./a.mjs";\n'
            "const helper = 10;\nexport class B {\n  value() {\n"
            "    return double(helper) + letter;\n  }\n}\n"
        ),
        main=(
            'import { B } from "./b.mjs";\nimport { A } from "./a.mjs";\n'
            'import { GREETING } from "./gen.mjs";\n'
            "export default function main() {\n  return new B().value() + A + GREETING;\n}\n"
        ),
    )
    js = bundle(folder, "main.mjs", {"gen.mjs": text_module("GREETING", "hi </b> ü")})
    assert js.index("// ---- a.mjs") < js.index("// ---- b.mjs") < js.index("// ---- main.mjs")
    assert js.count("// ---- a.mjs") == 1  # imported twice, joined once
    assert "// a's helper" in js  # comments stay
    assert run_bundle(tmp_path, js, "console.log(main());") == "20aa" + "hi </b> ü"


@pytest.mark.parametrize(
    "modules, message",
    [
        pytest.param({"main": "import * as a from './a.mjs';\n"}, "main.mjs:1", id="namespace"),
        pytest.param({"main": 'import {\n  a\n} from "./a.mjs";\n'}, "main.mjs:1", id="multi-line"),
        pytest.param({"main": 'import { a } from "./nowhere.mjs";\n'}, "nowhere", id="missing"),
        pytest.param(
            {"main": 'import { b } from "./a.mjs";\n', "a": "export const a = 1;\n"},
            "does not export b",
            id="missing-name",
        ),
        pytest.param({"main": "export let n = 1;\n"}, "main.mjs:1", id="live-binding"),
        pytest.param({"main": "export { x };\n"}, "main.mjs:1", id="export-list"),
        pytest.param(
            {"main": 'import { a } from "./a.mjs";\n', "a": "export default function a() {}\n"},
            "only the entry",
            id="default-outside-entry",
        ),
        pytest.param(
            {
                "main": 'import { a } from "./a.mjs";\n',
                "a": 'import { b } from "./b.mjs";\nexport const a = 1;\n',
                "b": 'import { a } from "./a.mjs";\nexport const b = 1;\n',
            },
            "cycle: a.mjs → b.mjs → a.mjs",
            id="cycle",
        ),
        pytest.param({"main": "  export const x = 1;\n"}, "main.mjs:1", id="indented-export"),
    ],
)
def test_what_it_does_not_understand_fails_loudly(tmp_path, modules, message):
    write(tmp_path, **modules)
    with pytest.raises(BundleError, match=message.replace("*", r"\*")):
        bundle(tmp_path, "main.mjs")


def test_text_module_is_a_string_constant():
    assert text_module("CSS", 'a "b"\n') == 'export const CSS = "a \\"b\\"\\n";\n'
    assert json.loads(text_module("X", "ü").split(" = ", 1)[1].rstrip(";\n")) == "ü"


def test_the_view_script_parses_and_registers_its_hub(tmp_path):
    """The real bundle is valid JS: loaded in node (no page), it sets up the hub with its
    mount function and test hooks and mounts nothing."""
    out = run_bundle(
        tmp_path,
        script(),
        "const h = globalThis.__neuronLiveView;\n"
        "console.log(typeof mountLiveView, typeof h.mount, typeof h.test.probe,"
        " h.queue.length, mountLiveView({ data: null }));",
    )
    assert out == "function function function 0 undefined"
