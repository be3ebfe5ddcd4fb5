/**
 * The page's style sheet, inlined. Colours are custom properties with a light and a dark set (the reader's
 * `prefers-color-scheme`); the charts read the same properties, so text, tables and charts switch together.
 * Text colours meet WCAG AA contrast on their backgrounds in both schemes. System fonts only: nothing to load.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa;
  --link: #0969da; --focus: #0969da;
  --head: #0969da; --base: #8250df; --secondary: #bc4c00;
  --regression: #cf222e; --improvement: #1a7f37; --neutral: #59636e; --grid: #d1d9e0;
  --series-1: #0072b2; --series-2: #d55e00; --series-3: #009e73; --series-4: #cc79a7;
  --series-5: #e69f00; --series-6: #56b4e9; --series-7: #8a7a00; --series-8: #59636e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23;
    --link: #4493f8; --focus: #4493f8;
    --head: #4493f8; --base: #ab7df8; --secondary: #f0883e;
    --regression: #f85149; --improvement: #3fb950; --neutral: #9198a1; --grid: #30363d;
    --series-1: #56b4e9; --series-2: #e69f00; --series-3: #2fbf8f; --series-4: #e08fc0;
    --series-5: #f0e442; --series-6: #7aa6ff; --series-7: #d55e00; --series-8: #9198a1;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; max-width: 72rem; padding: 0 1rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 10; }
header { padding: 1.5rem 0 .5rem; border-bottom: 1px solid var(--border); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.subtitle, .muted { color: var(--muted); }
nav ul { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--border); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--surface); font-weight: 600; }
td.num, th.num { text-align: right; }
.table-scroll { overflow-x: auto; }
section.scenario { border-top: 1px solid var(--border); margin-top: 2rem; }
section.scenario > h2 .target { color: var(--muted); font-weight: 400; }
.verdict { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid currentColor; font-weight: 600; }
.verdict-regression { color: var(--regression); }
.verdict-improvement { color: var(--improvement); }
.verdict-unchanged, .verdict-ok, .verdict-inconclusive { color: var(--neutral); }
.mismatch { color: var(--regression); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
figure { margin: 0; padding: .75rem; border: 1px solid var(--border); border-radius: .5rem; background: var(--surface); min-width: 0; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-box { position: relative; height: 16rem; }
.chart-box.wide { height: 20rem; }
canvas { display: block; }
details { margin-top: .5rem; }
summary { cursor: pointer; color: var(--link); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.banner { border: 1px solid var(--regression); color: var(--regression); padding: .5rem 1rem; border-radius: .5rem; }
ul.notes { margin: .25rem 0; padding-left: 1.25rem; }
footer { margin-top: 3rem; border-top: 1px solid var(--border); color: var(--muted); }
@media print { .charts { grid-template-columns: 1fr; } details { display: none; } }
`;
