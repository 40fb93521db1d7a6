/** The report's only stylesheet, inlined so index.html needs nothing from the network. */
export const REPORT_CSS = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --paper: #ffffff; --page: #f5f7fa;
  --pass: #1b7f3b; --pass-bg: #e3f4e8; --fail: #b3261e; --fail-bg: #fbe4e2;
  --unknown: #8a5a00; --unknown-bg: #fff1cc; --accent: #0b5cad;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
code, .mono, td.time, td.observed, td.expected { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
header.run { background: #102a43; color: #f0f4f8; padding: 24px 32px; }
header.run .brand { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: #9fb3c8; }
header.run h1 { margin: 4px 0 12px; font-size: 26px; font-weight: 600; }
header.run dl { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0 0 14px; }
header.run dt { font-size: 12px; color: #9fb3c8; }
header.run dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.overall { display: flex; align-items: center; gap: 12px; font-size: 16px; }
.banner { margin-top: 14px; padding: 10px 14px; border-radius: 6px; background: var(--fail); color: #fff; font-weight: 600; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 0 0 24px; }
section.card > h2 { display: flex; align-items: center; gap: 12px; margin: 0 0 12px; font-size: 20px; }
h3 { font-size: 15px; margin: 22px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
p.description { margin: 0 0 12px; color: var(--muted); }
.muted { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; min-width: 64px; text-align: center; padding: 2px 10px; border-radius: 999px;
  font-size: 13px; font-weight: 700; letter-spacing: .04em; }
.badge.pass { background: var(--pass-bg); color: var(--pass); border: 1px solid var(--pass); }
.badge.fail { background: var(--fail-bg); color: var(--fail); border: 1px solid var(--fail); }
.badge.unknown { background: var(--unknown-bg); color: var(--unknown); border: 1px solid var(--unknown); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
tr.status-failed td { background: var(--fail-bg); }
tr.status-not-measured td { background: var(--unknown-bg); }
td.ok { font-weight: 700; white-space: nowrap; }
td.expected { min-width: 12em; }
td.ok.ok-ok { color: var(--pass); } td.ok.ok-failed { color: var(--fail); } td.ok.ok-not-measured { color: var(--unknown); }
ul.findings { margin: 0; padding-left: 20px; }
ul.findings.failures li { color: var(--fail); font-weight: 600; }
ul.findings.missing li { color: var(--unknown); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
figure.chart { margin: 6px 0 14px; }
figure.chart .chart-title { font-weight: 600; font-size: 14px; margin: 0 0 4px; }
figure.chart .chart-box { position: relative; width: 100%; }
figure.chart .chart-caption { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 8px 0 0; font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 6px; }
.kind { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; background: #eef2f6; white-space: nowrap; }
.kind.fault-injected, .kind.error { background: var(--fail-bg); color: var(--fail); }
.kind.fault-restored, .kind.recovery { background: var(--pass-bg); color: var(--pass); }
.no-data { color: var(--muted); font-style: italic; }
.kind.application { background: #e8f0fe; color: #1a4a8a; }
table.messages { margin: 8px 0 14px; font-size: 13px; }
table.messages th, table.messages td { padding: 4px 6px; }
table.messages td.count { text-align: right; font-variant-numeric: tabular-nums; }
table.messages td.anomaly { color: var(--fail); font-weight: 700; background: var(--fail-bg); }
table.messages tr.total td { font-weight: 600; border-top: 2px solid var(--line); }
.trend { border-top: 1px solid var(--line); padding-top: 4px; margin-top: 14px; }
.trend h3 { text-transform: none; letter-spacing: 0; color: var(--ink); display: flex; gap: 12px; align-items: center; }
.trend-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 4px 24px; }
table.trend-table { font-size: 13px; margin-bottom: 8px; }
table.trend-table td.count { text-align: right; font-variant-numeric: tabular-nums; }
td.regression { color: var(--fail); font-weight: 700; }
td.steady { color: var(--pass); }
tr.regressed td { background: var(--fail-bg); }
section.regressions { border: 2px solid var(--fail); }
footer { text-align: center; color: var(--muted); font-size: 12px; padding: 0 0 32px; }
@media print { body { background: #fff; } section.card { break-inside: avoid; } }
`;
