"""The one palette: Streamlit's theme (a TOML file, which cannot import it) must agree."""

import tomllib
from pathlib import Path

from neuron_core import palette

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_the_streamlit_theme_uses_the_palettes_colours():
    theme = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]
    okabe_ito = [palette.BLUE, palette.VERMILLION, palette.GREEN, palette.PURPLE]
    okabe_ito += [palette.ORANGE, palette.SKY_BLUE]
    assert theme["chartCategoricalColors"] == okabe_ito
    assert theme["primaryColor"] == palette.BLUE
    assert theme["textColor"] == palette.INK


def test_the_math_pages_slips_mark_the_wrong_part_in_the_palettes_vermillion():
    from neuron_core.derivation import SLIPS

    marked = [why for _, why in SLIPS if r"\color{" in why]
    assert len(marked) == 3
    assert all(rf"\color{{{palette.VERMILLION}}}" in why for why in marked)
    assert not any("WRONG" in why for _, why in SLIPS)
