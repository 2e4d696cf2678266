/** The mutation catalogue: well-formed, complete, and every variant observably different from the correct emulator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, catalogueEntries, getCatalogueEntry, getVariant } from '../../src/emulator/variants/catalogue.ts';
import { variants as exampleVariants } from '../../src/emulator/variants/index.ts';
import { withProbe } from './probe-harness.ts';
import { PROBES, runProbe } from './probes.ts';

test('catalogue: at least 20 variants, unique kebab-case names, descriptions, a killing suite each', () => {
  assert.ok(catalogue.length >= 20, `only ${catalogue.length} variants`);
  const names = catalogue.map((v) => v.name);
  assert.equal(new Set(names).size, names.length, 'duplicate variant names');
  for (const e of catalogueEntries) {
    assert.match(e.variant.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${e.variant.name} is not kebab-case`);
    assert.notEqual(e.variant.name, 'baseline', '"baseline" is reserved for the untouched emulator');
    assert.ok(e.variant.description.trim().length >= 20, `${e.variant.name}: description missing or too short`);
    assert.ok(e.killedBy === 'contracts' || e.killedBy === 'load-over', `${e.variant.name}: killedBy ${String(e.killedBy)}`);
    const hooks = [e.variant.config, e.variant.quirks, e.variant.transformRequest, e.variant.transformResponse].filter((h) => h !== undefined);
    assert.ok(hooks.length > 0, `${e.variant.name} uses no hook`);
  }
  assert.ok(catalogueEntries.some((e) => e.killedBy === 'load-over'), 'no rate-limit variant');
});

test('catalogue: includes the example variants; getVariant and getCatalogueEntry find every name', () => {
  for (const v of exampleVariants) assert.equal(getVariant(v.name), v, `example ${v.name} missing from the catalogue`);
  for (const v of catalogue) {
    assert.equal(getVariant(v.name), v);
    assert.equal(getCatalogueEntry(v.name)?.variant, v);
  }
  assert.equal(getVariant('no-such-variant'), undefined);
});

test('catalogue: exactly one probe per variant', () => {
  assert.deepEqual(Object.keys(PROBES).sort(), catalogue.map((v) => v.name).sort());
});

for (const variant of catalogue) {
  const probe = PROBES[variant.name];
  test(`variant ${variant.name} changes behaviour: ${probe?.scenario ?? '(no probe)'}`, async () => {
    assert.ok(probe, `no probe for ${variant.name}`);
    const correct = await withProbe(undefined, probe.config, (p) => runProbe(p, probe));
    assert.deepEqual(correct, probe.correct, `correct emulator: ${probe.scenario}`);
    const mutated = await withProbe(variant, probe.config, (p) => runProbe(p, probe));
    assert.deepEqual(mutated, probe.variant, `${variant.name}: ${probe.scenario}`);
    assert.notDeepEqual(mutated, correct);
  });
}
