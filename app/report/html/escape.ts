/**
 * Text helpers of the combined report's HTML. `esc` redacts before escaping: a secret must be scrubbed
 * in its raw form, since escaping could split it (a `&` in it becomes `&amp;`) and hide it from the
 * page-wide redaction. The escaping itself is the shared one (src/format/escape.ts).
 */
import { redact } from '../../../src/core/redact.ts';
import { escapeXml } from '../../../src/format/index.ts';

/** Redacted and HTML-escaped: everything that reaches the page goes through here. */
export const esc = (value: unknown): string => escapeXml(redact(String(value ?? '')));

export const pct = (share: number): string => `${(share * 100).toFixed(1)} %`;
export const num = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
