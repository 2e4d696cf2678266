/**
 * Contract tests that did not pass, with the doc row they check, the bodies and a runnable curl line
 * (secrets redacted). Each is labelled with the outcome the contracts' verdict gave it, so a harness
 * error reads as one here too, not as a failure of the target.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { Attachment, ContractTest, TestOutcome } from '../../../contracts/index.ts';
import { esc } from './escape.ts';

function attachmentText(a: Attachment): string {
  if (a.body !== undefined) return Buffer.from(a.body, 'base64').toString('utf8');
  if (a.path && existsSync(a.path)) return readFileSync(a.path, 'utf8');
  return '';
}

const ann = (t: ContractTest, type: string): string[] => t.annotations.filter((a) => a.type === type).map((a) => a.description ?? '');

/** Heading word and CSS class per outcome that is shown here. */
const SHOWN: Partial<Record<TestOutcome, { word: string; cls: string }>> = {
  failed: { word: 'FAILED', cls: '' },
  inconclusive: { word: 'INCONCLUSIVE', cls: ' inconclusive' },
  harness: { word: 'HARNESS ERROR', cls: ' harness' },
  interrupted: { word: 'INTERRUPTED', cls: ' harness' },
};

export function failuresSection(tests: ContractTest[]): string {
  const failed = tests.filter((t) => SHOWN[t.outcome]);
  if (failed.length === 0) return '<section id="failures"><h2>Failures</h2><p class="good">No contract failed.</p></section>';
  const items = failed
    .map((t) => {
      const shown = SHOWN[t.outcome] as { word: string; cls: string };
      const docs = ann(t, 'doc').map((d) => `<a href="${esc(d)}">${esc(d)}</a>`).join(', ');
      const covers = ann(t, 'covers').map(esc).join(', ');
      const attachments = t.attachments
        .filter((a) => a.contentType.startsWith('text/') || a.contentType.includes('json'))
        .map((a) => `<details><summary>${esc(a.name)}</summary><pre>${esc(attachmentText(a).slice(0, 20_000))}</pre></details>`)
        .join('');
      return `<article class="failure${shown.cls}"><h3>${shown.word}: ${esc(t.title)}</h3>
<p class="muted">${esc(t.file)} · project ${esc(t.projectName)}${covers ? ` · covers ${covers}` : ''}${docs ? ` · doc ${docs}` : ''}</p>
<pre class="error">${esc((t.error ?? '').replace(/\u001b\[[0-9;]*m/g, '').slice(0, 4000))}</pre>${attachments}</article>`;
    })
    .join('');
  return `<section id="failures"><h2>Failures (${failed.length})</h2>${items}</section>`;
}
