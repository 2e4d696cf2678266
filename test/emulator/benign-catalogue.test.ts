/**
 * The benign catalogue (src/emulator/variants/benign/): well-formed, each variant a valid config that changes
 * something, only doc-silent points (no quirks, no hooks), selectable by TCIM_EMULATOR_VARIANT, names apart
 * from the mutants'.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deepMerge, defaultConfig, validatePatch } from '../../src/emulator/config.ts';
import { benignCatalogue, getBenignVariant } from '../../src/emulator/variants/benign/index.ts';
import { catalogue } from '../../src/emulator/variants/index.ts';
import { loadVariant, VARIANT_ENV } from '../../src/emulator/variants/select.ts';

const REQUIRED = [
  'limiter-fixed-window',
  'mark-bits-lsb-left',
  'mark-padded-64',
  'group-ids-from-1000',
  'empty-fields-present',
  'error-text-empty',
  'error-display-always',
  'error-display-never',
  'conversation-cap-per-group',
  'page-size-7',
  'non-admin-50003',
  'duplicate-name-51011',
  'custom-mark-too-long-51006',
  'search-too-many-51006',
  'scope-top-level',
  'latency-200ms',
  'transient-502',
  'connection-close',
  'everything-else',
];

test('benign catalogue: every required variant, unique kebab-case names apart from the mutants, docs and description given', () => {
  const names = benignCatalogue.map((v) => v.name);
  assert.deepEqual([...names].sort(), [...REQUIRED].sort());
  assert.equal(new Set(names).size, names.length);
  const mutants = new Set(catalogue.map((v) => v.name));
  for (const v of benignCatalogue) {
    assert.match(v.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!mutants.has(v.name), `${v.name} is also a mutant`);
    assert.equal(v.kind, 'benign');
    assert.ok(v.description.length > 20 && v.docs.length > 20, v.name);
    assert.deepEqual(Object.keys(v).sort(), ['config', 'description', 'docs', 'kind', 'name'], `${v.name}: config only, no quirks or hooks`);
    assert.doesNotThrow(() => validatePatch(v.config), v.name);
    assert.notDeepEqual(deepMerge(defaultConfig(), v.config), defaultConfig(), `${v.name} changes something`);
    assert.equal(getBenignVariant(v.name), v);
  }
});

test('everything-else makes every non-transport choice of the others at once', () => {
  const all = deepMerge(defaultConfig(), getBenignVariant('everything-else')?.config);
  const transport = new Set(['latency-200ms', 'transient-502', 'connection-close', 'error-display-always']);
  for (const v of benignCatalogue.filter((x) => !transport.has(x.name) && x.name !== 'everything-else')) {
    const single = deepMerge(defaultConfig(), v.config);
    for (const [k, value] of Object.entries(single.choices)) {
      if (JSON.stringify(value) !== JSON.stringify((defaultConfig().choices as unknown as Record<string, unknown>)[k])) {
        assert.deepEqual((all.choices as unknown as Record<string, unknown>)[k], value, `${v.name}: choices.${k}`);
      }
    }
    if (single.pageSize !== defaultConfig().pageSize) assert.equal(all.pageSize, single.pageSize);
    if (single.nonAdminCode !== defaultConfig().nonAdminCode) assert.equal(all.nonAdminCode, single.nonAdminCode);
  }
  assert.deepEqual(all.faults, [], 'transport is not a choice');
});

test('TCIM_EMULATOR_VARIANT selects a benign variant as well as a mutant', async () => {
  assert.equal((await loadVariant({ [VARIANT_ENV.VARIANT]: 'mark-bits-lsb-left' }))?.name, 'mark-bits-lsb-left');
  assert.equal((await loadVariant({ [VARIANT_ENV.VARIANT]: catalogue[0]?.name }))?.name, catalogue[0]?.name);
  await assert.rejects(loadVariant({ [VARIANT_ENV.VARIANT]: 'no-such-variant' }), /no such variant/);
});
