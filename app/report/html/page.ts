/** The page frame: verdict first, then the parts. Self-contained: inline CSS, no scripts, no network. */
import { CHART_CSS } from '../../../src/format/index.ts';
import type { RunMeta } from '../types.ts';
import type { VerdictResult } from '../verdict.ts';
import { esc } from './escape.ts';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1180px;padding:16px 24px;color:#1b1f24}
h1{font-size:20px;margin:0 0 4px}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:28px}
.verdict{display:inline-block;padding:6px 14px;border-radius:6px;font-weight:700;font-size:22px;color:#fff}
.verdict.PASS{background:#1a7f37}.verdict.FAIL{background:#cf222e}.verdict.INCONCLUSIVE,.verdict.INCOMPLETE{background:#9a6700}.verdict.ERROR{background:#6e7781}
.good{color:#1a7f37}.bad{color:#cf222e}.muted{color:#57606a}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f6f8fa}.matrix td.cell,.matrix td.na{text-align:center;width:64px}
.cell.passed{background:#dafbe1}.cell.failed{background:#ffebe9}.cell.inconclusive,.cell.not-run{background:#fff8c5}
.cell.untested{background:#ffcecb;font-weight:700}.cell.not-triggerable{background:#eaeef2}.na{color:#8c959f}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px;white-space:pre-wrap}
.failure{border-left:4px solid #cf222e;padding-left:10px;margin:12px 0}.failure.inconclusive{border-color:#9a6700}.failure.harness{border-color:#6e7781}
tr.survived td{background:#ffebe9}tr.error td{background:#fff8c5}nav a{margin-right:12px}
${CHART_CSS}`;

export function page(meta: RunMeta, v: VerdictResult, sections: string[], links: { label: string; href: string }[]): string {
  const versions = Object.entries(meta.versions).map(([k, val]) => `${esc(k)} ${esc(val)}`).join(' · ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>tcim-harness ${esc(v.verdict)} — run ${esc(meta.runId)}</title><style>${CSS}</style></head><body>
<header><h1>tcim-harness report</h1>
<p><span class="verdict ${esc(v.verdict)}" id="verdict" data-verdict="${esc(v.verdict)}">${esc(v.verdict)}</span></p>
<ul id="verdict-reasons">${v.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
<p class="muted">target ${esc(meta.target)} · run ${esc(meta.runId)} · ${esc(meta.startedAt)} → ${esc(meta.finishedAt)}<br>${versions}</p>
<nav>${links.map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`).join('')}</nav></header>
${sections.join('\n')}
<footer class="muted"><p>Secrets are redacted from this page. HTTP status is 200 for every API error: verdicts come from ActionStatus / ErrorCode / ResultCode in the body.</p></footer>
</body></html>`;
}
