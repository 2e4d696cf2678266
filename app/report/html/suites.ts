/**
 * The contract tests by project and spec file, with the outcome counts: what ran, not only what failed.
 * A team's own specs (projects `specs:<folder>`, from `--specs` or the config's `specs`) are listed test
 * by test, so a team sees its flows in the combined report whether they passed or not.
 */
import type { ContractTest } from '../inputs.ts';
import { esc } from './escape.ts';

const OUTCOMES = ['passed', 'failed', 'inconclusive', 'harness', 'interrupted', 'skipped'] as const;
const USER_PROJECT = /^specs:/;

export function suitesSection(tests: ContractTest[]): string {
  const groups = new Map<string, ContractTest[]>();
  for (const t of tests) {
    const key = `${t.projectName}\0${t.file}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  if (groups.size === 0) return '';
  const rows = [...groups.entries()].map(([key, list]) => {
    const [project = '', file = ''] = key.split('\0');
    const counts = OUTCOMES.map((o) => `<td>${list.filter((t) => t.outcome === o).length || ''}</td>`).join('');
    return `<tr><td>${esc(project)}</td><td>${esc(file)}</td>${counts}</tr>`;
  });
  const own = tests.filter((t) => USER_PROJECT.test(t.projectName));
  const ownList = own.length
    ? `<h3>Your specs</h3><ul id="user-specs">${own.map((t) => `<li><span class="${t.outcome === 'passed' ? 'good' : t.outcome === 'skipped' ? 'muted' : 'bad'}">${esc(t.outcome)}</span> ${esc(t.name)}</li>`).join('')}</ul>`
    : '';
  return `<section id="suites"><h2>Suites</h2>
<table><thead><tr><th>project</th><th>spec file</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${ownList}</section>`;
}
