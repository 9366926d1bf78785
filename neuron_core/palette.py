"""The app's one palette: every colour a figure, the live view, an equation or a table draws
with. numpy-free and plotly-free, so the core's texts (the math page's slips) can use it too;
`neuron_core.figures.style` builds the figures' look from it.
"""

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
BLUE, VERMILLION, SKY_BLUE = "#0072B2", "#D55E00", "#56B4E9"
GREEN, ORANGE, PURPLE = "#009E73", "#E69F00", "#CC79A7"
# Greys: near-black text, ticks and lines; the axis line; the grid; the J* line; a line
# that was (the boundary before a step); a line in the background (the whole 3-D path).
INK, AXIS_LINE, GRID, MUTED = "#111111", "#444444", "#e3e3e3", "#555555"
FORMER, FAINT, BLACK = "#6b6b6b", "#888888", "#000000"
# What everything is drawn on (a figure's paper, a marker's rim, the view's buttons).
PAPER = "#ffffff"
# The 3-D sheet's box: its floor edges and upright edges, and its fainter grid lines.
WALL, WALL_GRID = "#9a9a9a", "#d0d0d0"
# The primary blue darkened for text on a pale blue tint (5.9:1 where BLUE gives 4.1:1):
# the chosen segment of a segmented control.
DEEP_BLUE = "#005A8C"
# A table row the page is talking about (the chosen example): a pale orange.
HIGHLIGHT = "#fde8c8"
