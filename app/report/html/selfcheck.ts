/** The mutation self-check: which deliberately broken emulators the suites caught, and which servers the docs allow they wrongly failed. */
import { falseFailureShare, type SelfcheckSummary } from '../inputs.ts';
import { esc, pct } from './escape.ts';

function benignTable(s: SelfcheckSummary): string {
  const benign = s.benign ?? [];
  if (benign.length === 0) return '<p class="muted">No benign variant ran (servers that differ only where the docs allow).</p>';
  const rows = benign
    .map((b) => {
      const first = b.runs.flatMap((r) => r.failedTests).slice(0, 2).join('; ');
      return `<tr class="${b.outcome === 'passed' ? 'killed' : 'survived'}"><td>${esc(b.name)}</td><td>${esc(b.description)}</td><td>${esc(b.docs)}</td><td>${esc(b.runs.map((r) => r.suite).join(' + '))}</td><td>${esc(b.outcome)}</td><td>${esc(b.outcome === 'passed' ? '' : first || b.detail)}</td></tr>`;
    })
    .join('');
  return `<h3>Benign variants — must pass</h3>
<table><tr><th>variant</th><th>how it differs</th><th>what the docs say</th><th>suites</th><th>outcome</th><th>false failures</th></tr>${rows}</table>`;
}

export function selfcheckSection(s: SelfcheckSummary | undefined): string {
  if (!s) return '<section id="selfcheck"><h2>Mutation self-check</h2><p class="muted">Not run in this job (<code>tcim-harness selfcheck</code>).</p></section>';
  const rows = s.variants
    .map((v) => `<tr class="${v.outcome}"><td>${esc(v.name)}</td><td>${esc(v.description)}</td><td>${esc(v.killedBy)}</td><td>${esc(v.outcome)}</td><td>${esc(v.failedTests.slice(0, 2).join('; '))}</td></tr>`)
    .join('');
  const killed = s.variants.filter((v) => v.outcome === 'killed').length;
  const ff = falseFailureShare(s);
  const wall = s.wallMs === undefined ? '' : `, wall time ${esc((s.wallMs / 1000).toFixed(0))} s`;
  return `<section id="selfcheck"><h2>Mutation self-check — kill rate ${pct(s.killRate)}, false-failure rate ${pct(ff.rate)}, gate <span class="${s.gate === 'pass' ? 'good' : 'bad'}">${esc(s.gate)}</span></h2>
<p>Mutants killed: <b>${killed} of ${s.variants.length}</b> (kill rate ${pct(s.killRate)}). Benign variants failed: <b>${ff.bad} of ${ff.total}</b> (false-failure rate ${pct(ff.rate)})${wall}.</p>
<h3>Mutants — must be killed</h3>
<table><tr><th>variant</th><th>the bug</th><th>killed by</th><th>outcome</th><th>first failing tests</th></tr>${rows}</table>
${benignTable(s)}</section>`;
}
