/** The report's only stylesheet, inlined: system fonts, no web fonts, prints on A4 landscape. */
export const REPORT_CSS = `
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#ffffff; --panel:#f5f7fa; --accent:#0072B2; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
header { padding: 24px 32px 12px; border-bottom: 3px solid var(--accent); }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 2px 0; color: var(--muted); }
nav { padding: 8px 32px; background: var(--panel); border-bottom: 1px solid var(--line); font-size: 13px; }
nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
nav a:hover, nav a:focus { text-decoration: underline; }
main { padding: 8px 32px 40px; max-width: 1180px; }
section { margin-top: 28px; }
h2 { font-size: 20px; margin: 0 0 4px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 4px; }
.lead { color: var(--muted); margin: 4px 0 10px; max-width: 900px; }
figure { margin: 8px 0 18px; }
figure .chart-title { font-weight: bold; font-size: 14px; margin: 0 0 2px; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
svg.chart { display: block; max-width: 100%; height: auto; background: #fff; }
svg text { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; fill: var(--ink); }
svg .tick { font-size: 11px; fill: #3e4c59; }
svg .tick-small { font-size: 9px; fill: var(--muted); }
svg .axis-label { font-size: 12px; fill: var(--muted); }
svg .legend { font-size: 11.5px; }
svg .note { font-size: 11px; fill: var(--muted); font-style: italic; }
svg .value { font-size: 10.5px; fill: #3e4c59; }
svg .row-title { font-size: 13px; font-weight: bold; }
svg .block-label { font-size: 11.5px; font-weight: bold; }
svg .block-time { font-size: 10.5px; }
svg .on-full, svg .on-closed { fill: #fff; }
svg .on-limited { fill: #1f2933; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 160px; background: #fff; }
.card .k { font-size: 12px; color: var(--muted); }
.card .v { font-size: 22px; font-weight: bold; }
.card .s { font-size: 12px; color: var(--muted); }
.ok { color: #1a7f37; }
.bad { color: #b42318; }
.notes { margin: 8px 0; padding-left: 18px; color: var(--ink); }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--panel); }
td.best { background: #e6f4ea; font-weight: bold; }
ul.blocks { margin: 4px 0 12px; padding-left: 18px; font-size: 13px; }
footer { color: var(--muted); font-size: 12px; padding: 12px 32px 24px; border-top: 1px solid var(--line); }
@media print { nav { display: none; } section { break-inside: avoid; } }
`;
