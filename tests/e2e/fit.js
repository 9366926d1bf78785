() => {
  // Boxes whose content is wider than the box: a metric value or label, an equation or a
  // button label that is cut off ("300 /…"), or that only shows by scrolling sideways.
  const checks = [
    ['metric value', '[data-testid="stMetricValue"]', true],
    ['metric label', '[data-testid="stMetricLabel"]', true],
    ['equation', '.katex-display', false],
    ['button', 'button', true],
    ['control label', '[data-testid="stWidgetLabel"], label[data-baseweb="checkbox"]', true],
  ];
  const out = [];
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const [kind, sel, deep] of checks) {
    const scoped = sel.split(', ').flatMap(s => ['.stMainBlockContainer ' + s, '[data-testid="stPopoverBody"] ' + s]).join(', ');
    for (const el of document.querySelectorAll(scoped)) {
      if (!shown(el) || el.closest('.js-plotly-plot, [data-np-skip-fit]')) continue;
      const boxes = deep ? [el, ...el.querySelectorAll('div, p, span:not(.katex-mathml *)')] : [el];
      const cut = boxes.find(b => b.clientWidth > 1 && b.scrollWidth > b.clientWidth + 1 &&
                                  !b.closest('.katex-mathml'));
      if (cut) out.push({kind, text: (el.innerText || '').replace(/\s+/g, ' ').slice(0, 60),
                         scrollWidth: cut.scrollWidth, clientWidth: cut.clientWidth});
    }
  }
  return out;
}
