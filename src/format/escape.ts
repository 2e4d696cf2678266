/**
 * The one escaping function for HTML and XML, text and attribute values alike. All five markup
 * characters are escaped (`'` too: an attribute may be single-quoted by whoever embeds the text), and
 * the C0 control characters XML 1.0 forbids are dropped — a JUnit consumer rejects the whole file for one
 * of them. `&apos;` rather than `&#39;`: it is one of XML's five predefined entities and HTML5 knows it.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
