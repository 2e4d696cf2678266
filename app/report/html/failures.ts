/** Failed contract tests with the doc row they check, the bodies and a runnable curl line (secrets redacted). */
import { readFileSync, existsSync } from 'node:fs';
import type { PwAttachment, PwTest } from '../inputs.ts';
import { esc } from './escape.ts';

function attachmentText(a: PwAttachment): string {
  if (a.body !== undefined) return Buffer.from(a.body, 'base64').toString('utf8');
  if (a.path && existsSync(a.path)) return readFileSync(a.path, 'utf8');
  return '';
}

const ann = (t: PwTest, type: string): string[] => t.annotations.filter((a) => a.type === type).map((a) => a.description ?? '');

export function failuresSection(tests: PwTest[]): string {
  const failed = tests.filter((t) => t.status !== 'passed' && t.status !== 'skipped');
  if (failed.length === 0) return '<section id="failures"><h2>Failures</h2><p class="good">No contract failed.</p></section>';
  const items = failed
    .map((t) => {
      const docs = ann(t, 'doc').map((d) => `<a href="${esc(d)}">${esc(d)}</a>`).join(', ');
      const covers = ann(t, 'covers').map(esc).join(', ');
      const inconclusive = ann(t, 'inconclusive').length > 0;
      const attachments = t.attachments
        .filter((a) => a.contentType.startsWith('text/') || a.contentType.includes('json'))
        .map((a) => `<details><summary>${esc(a.name)}</summary><pre>${esc(attachmentText(a).slice(0, 20_000))}</pre></details>`)
        .join('');
      return `<article class="failure${inconclusive ? ' inconclusive' : ''}"><h3>${inconclusive ? 'INCONCLUSIVE' : 'FAILED'}: ${esc(t.title)}</h3>
<p class="muted">${esc(t.file)} · project ${esc(t.projectName)}${covers ? ` · covers ${covers}` : ''}${docs ? ` · doc ${docs}` : ''}</p>
<pre class="error">${esc((t.error ?? '').replace(/\u001b\[[0-9;]*m/g, '').slice(0, 4000))}</pre>${attachments}</article>`;
    })
    .join('');
  return `<section id="failures"><h2>Failures (${failed.length})</h2>${items}</section>`;
}
