/** The coverage matrix: documented error code × command → tested / observed / passed. */
import type { CoverageCell, CoverageFile } from '../inputs.ts';
import { esc } from './escape.ts';

const SYMBOL: Record<CoverageCell['status'], string> = {
  passed: '✓',
  failed: '✗',
  inconclusive: '?',
  'not-triggerable': '–',
  'not-run': '○',
  untested: '!',
};

/** `recentcontact/create_contact_group` → `create`: narrow columns that fit one screen. */
const short = (command: string): string => (command.split('/')[1] ?? command).replace(/_contact(_group)?$/, '');

export function matrixSection(cov: CoverageFile | undefined): string {
  if (!cov) return '<section id="coverage"><h2>Coverage of documented error codes</h2><p class="bad">No coverage table: the contract suite did not run or wrote no reports/contracts/coverage.json.</p></section>';
  // A coverage.json cut short has a gate but maybe no cells: show an empty matrix rather than fail the whole report.
  const cells = cov.cells ?? [];
  const commands = [...new Set(cells.map((c) => c.command))];
  const codes = [...new Map(cells.map((c) => [c.code, c.name])).entries()].sort((a, b) => a[0] - b[0]);
  const byKey = new Map(cells.map((c) => [`${c.code} ${c.command}`, c]));
  const head = `<tr><th>code</th><th>name</th>${commands.map((c) => `<th>${esc(short(c))}</th>`).join('')}</tr>`;
  const rows = codes
    .map(([code, name]) => {
      const tds = commands
        .map((cmd) => {
          const c = byKey.get(`${code} ${cmd}`);
          if (!c) return '<td class="na" title="not documented for this command">·</td>';
          const tip = [`${c.code} ${c.name} on ${c.command}: ${c.status}`, c.observed ? 'observed from the target' : 'not observed', c.reason ?? '', ...c.tests.slice(0, 5)].filter(Boolean).join('\n');
          return `<td class="cell ${c.status}" data-status="${c.status}" title="${esc(tip)}">${SYMBOL[c.status]}${c.observed ? '<sup>●</sup>' : ''}</td>`;
        })
        .join('');
      return `<tr><td><a href="${esc(cells.find((c) => c.code === code)?.doc ?? '#')}">${code}</a></td><td>${esc(name)}</td>${tds}</tr>`;
    })
    .join('');
  const na = (cov.notApplicable ?? []).map((n) => `<li>${n.code} ${esc(n.name)}: ${esc(n.reason)}</li>`).join('');
  const legend = Object.entries(SYMBOL).map(([k, s]) => `<span class="cell ${k}">${s}</span> ${k}`).join(' &nbsp; ');
  return `<section id="coverage"><h2>Coverage of documented error codes</h2>
<p>Gate: <strong class="${cov.gate === 'pass' ? 'good' : 'bad'}" id="coverage-gate">${esc(cov.gate)}</strong> — ${esc(cov.gateReason)}</p>
<p class="legend">${legend} &nbsp; <sup>●</sup> answered by the target during the run</p>
<table class="matrix" id="coverage-matrix">${head}${rows}</table>
${na ? `<p>Documented in the family table but answered by none of these commands:</p><ul>${na}</ul>` : ''}</section>`;
}
