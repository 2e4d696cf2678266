import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjv, utf8Length } from '../../src/schema/index.ts';

const ajv = createAjv();
const max32 = ajv.compile({ type: 'string', maxBytes: 32 });
const min1 = ajv.compile({ type: 'string', minBytes: 1 });

// One character of each UTF-8 width: 1 byte (a), 2 bytes (é), 3 bytes (한), 4 bytes (😀).
const chars = { 1: 'a', 2: 'é', 3: '한', 4: '😀' } as const;

/** A string of exactly n bytes built from w-byte characters, padded with 1-byte 'a' where n is not a multiple of w. */
function ofBytes(n: number, w: 1 | 2 | 3 | 4): string {
  const s = chars[w].repeat(Math.floor(n / w)) + 'a'.repeat(n % w);
  assert.equal(utf8Length(s), n);
  return s;
}

for (const w of [1, 2, 3, 4] as const) {
  test(`maxBytes 32 with ${w}-byte characters: 31 and 32 bytes pass, 33 fails`, () => {
    assert.equal(max32(ofBytes(31, w)), true);
    assert.equal(max32(ofBytes(32, w)), true);
    assert.equal(max32(ofBytes(33, w)), false);
    assert.equal(max32.errors?.[0]?.keyword, 'maxBytes');
    assert.match(String(max32.errors?.[0]?.message), /33/);
  });
}

test('maxBytes counts bytes, not characters: 11 three-byte characters are 33 bytes', () => {
  const s = '한'.repeat(11);
  assert.equal(s.length, 11);
  assert.equal(max32(s), false);
  assert.equal(ajv.compile({ type: 'string', maxLength: 32 })(s), true, 'maxLength alone would let it through');
});

test('a 4-byte character counts 4 bytes although JS counts it as 2 UTF-16 units', () => {
  assert.equal(max32('😀'.repeat(8)), true);
  assert.equal(max32('😀'.repeat(8) + 'a'), false);
});

test('minBytes 1 rejects the empty string only', () => {
  assert.equal(min1(''), false);
  assert.equal(min1.errors?.[0]?.keyword, 'minBytes');
  assert.equal(min1('a'), true);
});

test('the byte keywords ignore non-strings and reject a bad limit in the schema', () => {
  assert.equal(ajv.compile({ type: ['string', 'number'], maxBytes: 2 })(12345), true);
  assert.throws(() => ajv.compile({ type: 'string', maxBytes: -1 }));
  assert.throws(() => ajv.compile({ type: 'string', maxBytes: 'x' }));
});
