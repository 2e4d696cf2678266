import { redact } from '../../../src/core/redact.ts';

/** HTML-escapes text after redacting secrets: everything that reaches the page goes through here. */
export const esc = (value: unknown): string =>
  redact(String(value ?? '')).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const pct = (share: number): string => `${(share * 100).toFixed(1)} %`;
export const num = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
