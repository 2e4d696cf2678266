/**
 * The report's section on doc-silent answers: what the run's calibration step did (calibrated the target
 * and wrote the expectations file, or checked the target against it) and every drift — the docs' words,
 * the recorded answer, the new one. Absent when the run had nothing to calibrate (the plain emulator).
 */
import type { ReportInputs } from '../inputs.ts';
import { esc } from './escape.ts';
import { answersOf } from '../../calibrate/drift.ts';

export function calibrationSection(inp: ReportInputs): string {
  const c = inp.calibration;
  if (!c) return '';
  const head = c.mode === 'calibrated'
    ? `<p>No expectations file: the run calibrated ${esc(c.target)} first and wrote <code>${esc(c.file)}</code> (commit it).</p>`
    : `<p>Checked ${esc(c.target)} against <code>${esc(c.file)}</code>: <strong class="${c.drift.length && c.strict ? 'bad' : ''}">${c.drift.length}</strong> drift${c.drift.length ? (c.strict ? ' (--strict: the run fails)' : ' (warnings; --strict fails the run)') : ''}.</p>`;
  const drift = c.drift.length
    ? `<table id="drift"><thead><tr><th>point</th><th>recorded</th><th>now</th><th>what the docs say</th></tr></thead><tbody>${c.drift.map((d) => `<tr><td>${esc(d.field)}</td><td>${esc(String(d.recorded))}</td><td>${esc(String(d.now))}</td><td>${esc(d.docs)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const observed = [...answersOf(c.observed)];
  const answers = `<details><summary>${observed.length} answer(s) observed${c.notProbed.length ? `, ${c.notProbed.length} point(s) not probed` : ''}</summary><ul>${observed.map(([k, v]) => `<li>${esc(String(k))}: ${esc(String(v))}</li>`).join('')}${c.notProbed.map((n) => `<li>not probed: ${esc(n)}</li>`).join('')}</ul></details>`;
  return `<section id="calibration"><h2>Where the docs are silent: calibration and drift</h2>${head}${drift}${answers}</section>`;
}
