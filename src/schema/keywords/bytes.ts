/**
 * `minBytes` / `maxBytes`: string length in UTF-8 bytes. The Tencent docs give limits in bytes
 * ("up to 32 bytes", "up to 256 bytes"); JSON Schema's maxLength counts code points.
 * Modelled on ajv's own lib/vocabularies/validation/limitLength.ts.
 */
import type { KeywordDefinition } from 'ajv';

export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

function bytesKeyword(keyword: 'minBytes' | 'maxBytes'): KeywordDefinition {
  const ok = keyword === 'maxBytes' ? (n: number, limit: number) => n <= limit : (n: number, limit: number) => n >= limit;
  const word = keyword === 'maxBytes' ? 'more' : 'fewer';
  return {
    keyword,
    type: 'string',
    schemaType: 'number',
    metaSchema: { type: 'integer', minimum: 0 },
    errors: true,
    validate: function check(limit: number, data: string): boolean {
      const n = utf8Length(data);
      if (ok(n, limit)) return true;
      (check as unknown as { errors: object[] }).errors = [
        { keyword, params: { limit, bytes: n }, message: `must NOT have ${word} than ${limit} UTF-8 bytes (has ${n})` },
      ];
      return false;
    },
  };
}

export const byteKeywords: KeywordDefinition[] = [bytesKeyword('minBytes'), bytesKeyword('maxBytes')];
