/** The mutation self-check: which deliberately broken emulators the suites caught. */
import type { SelfcheckSummary } from '../inputs.ts';
import { esc, pct } from './escape.ts';

export function selfcheckSection(s: SelfcheckSummary | undefined): string {
  if (!s) return '<section id="selfcheck"><h2>Mutation self-check</h2><p class="muted">Not run in this job (<code>tcim-harness selfcheck</code>).</p></section>';
  const rows = s.variants
    .map((v) => `<tr class="${v.outcome}"><td>${esc(v.name)}</td><td>${esc(v.description)}</td><td>${esc(v.killedBy)}</td><td>${esc(v.outcome)}</td><td>${esc(v.failedTests.slice(0, 2).join('; '))}</td></tr>`)
    .join('');
  return `<section id="selfcheck"><h2>Mutation self-check — kill rate ${pct(s.killRate)}, gate <span class="${s.gate === 'pass' ? 'good' : 'bad'}">${esc(s.gate)}</span></h2>
<table><tr><th>variant</th><th>the bug</th><th>killed by</th><th>outcome</th><th>first failing tests</th></tr>${rows}</table></section>`;
}
