/** The calibration points against their one definition (schemas/limits.json choices), the schema and the README; the pure parts of the probes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { choices, CODE_CHOICES, COUNT_CHOICES, FORM_CHOICES } from '../../src/rules/index.ts';
import { POINTS } from '../../app/calibrate/points.ts';
import { shapeOf, switches } from '../../app/calibrate/throttle.ts';
import { compareWithRecorded } from '../../app/calibrate/drift.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ALL = [...CODE_CHOICES, ...COUNT_CHOICES, ...FORM_CHOICES];
/** Points calibrate does not probe, and why (README says so too). */
const NOT_PROBED = new Set(['throttleBurst', 'conversationCap']);

test('every doc-silent choice is a calibration point, a field of the expectations file and a row of the README table', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8')).definitions.expectations.properties as Record<string, unknown>;
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const name of ALL) {
    const env = choices[name].env;
    assert.ok(env, `${name} has a variable`);
    assert.match(readme, new RegExp(`\\| \`${env}\` \\|`), `README table row of ${env}`);
    if (NOT_PROBED.has(name)) continue;
    const point = POINTS.find((p) => p.choice === name);
    assert.ok(point, `calibrate probes ${name}`);
    assert.ok(point.field in schema, `${point.field} is a field of the expectations file`);
  }
});

test('the answer order tells a fixed window (blocks) from a smooth limiter (interleaved)', () => {
  const fixed = [...Array(200).fill(true), ...Array(100).fill(false)];
  assert.equal(switches(fixed), 1);
  assert.equal(shapeOf(fixed, 0.4), 'fixed-window');
  // a window turning over during a slow burst: two blocks of each
  assert.equal(shapeOf([...Array(150).fill(true), ...Array(50).fill(false), ...Array(80).fill(true), ...Array(20).fill(false)], 1.3), 'fixed-window');
  const smooth = [...Array(20).fill(true), ...Array.from({ length: 280 }, (_, i) => i % 3 === 0)];
  assert.equal(shapeOf(smooth, 0.4), 'gcra');
  assert.equal(shapeOf([...Array(100).fill(true), false, true, false, true, false, true, false, true, false, true, false, true, ...Array(50).fill(false)], 0.4), undefined, 'neither clearly');
});

test('drift: only points answered both times, codes by number or name, an unknown limiter is no claim', () => {
  const drift = compareWithRecorded(
    { markBitOrder: 'lsb-left', throttleCode: 'API_RATE_LIMITED', nonAdminCode: 50003, limiter: 'unknown', scope: { '51006': 'per-item' } },
    { markBitOrder: 'lsb-right', throttleCode: 60007, limiter: 'gcra', pageSize: 7, scope: { '51006': 'top-level' } },
  );
  assert.deepEqual(drift.map((d) => [d.field, d.recorded, d.now]), [
    ['markBitOrder', 'lsb-left', 'lsb-right'],
    ['scope.51006', 'per-item', 'top-level'],
  ]);
  assert.match(drift[0]?.docs ?? '', /which end is bit 0/);
});
