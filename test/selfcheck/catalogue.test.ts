/** The mutation catalogue: well-formed, complete, and every variant observably different from the correct emulator (its own probe). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, getVariant } from '../../src/emulator/variants/catalogue.ts';
import { runProbe, variants as exampleVariants } from '../../src/emulator/variants/index.ts';
import { withProbe } from './probe-harness.ts';

test('catalogue: at least 20 variants, unique kebab-case names, descriptions, a killing suite and a probe each', () => {
  assert.ok(catalogue.length >= 20, `only ${catalogue.length} variants`);
  const names = catalogue.map((v) => v.name);
  assert.equal(new Set(names).size, names.length, 'duplicate variant names');
  for (const v of catalogue) {
    assert.match(v.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${v.name} is not kebab-case`);
    assert.notEqual(v.name, 'baseline', '"baseline" is reserved for the untouched emulator');
    assert.ok(v.description.trim().length >= 20, `${v.name}: description missing or too short`);
    assert.ok(v.killedBy === 'contracts' || v.killedBy === 'load-over', `${v.name}: killedBy ${String(v.killedBy)}`);
    const hooks = [v.config, v.quirks, v.transformRequest, v.transformResponse].filter((h) => h !== undefined);
    assert.ok(hooks.length > 0, `${v.name} uses no hook`);
    assert.ok(v.probe?.scenario && typeof v.probe.run === 'function', `${v.name}: no probe`);
    assert.notDeepEqual(v.probe.variant, v.probe.correct, `${v.name}: its probe expects no difference`);
  }
  assert.ok(catalogue.some((v) => v.killedBy === 'load-over'), 'no rate-limit variant');
});

test('catalogue: seenBy (the tests the self-check runs first) only on contracts variants, as valid non-empty patterns', () => {
  for (const v of catalogue) {
    if (v.seenBy === undefined) continue;
    assert.equal(v.killedBy, 'contracts', `${v.name}: seenBy on a ${v.killedBy} variant`);
    assert.ok(v.seenBy.length > 0, `${v.name}: empty seenBy (leave it out instead)`);
    for (const p of v.seenBy) {
      assert.ok(p.trim() !== '' && !/^\.?\*?$/.test(p), `${v.name}: pattern "${p}" would select the whole suite`);
      assert.doesNotThrow(() => new RegExp(p), `${v.name}: "${p}" is not a regular expression`);
    }
  }
});

test('catalogue: includes the example variants; getVariant finds every name', () => {
  for (const v of exampleVariants) assert.equal(getVariant(v.name), v, `example ${v.name} missing from the catalogue`);
  for (const v of catalogue) assert.equal(getVariant(v.name), v);
  assert.equal(getVariant('no-such-variant'), undefined);
});

for (const variant of catalogue) {
  const { probe } = variant;
  test(`variant ${variant.name} changes behaviour: ${probe.scenario}`, async () => {
    const correct = await withProbe(undefined, probe.config, (p) => runProbe(p, probe));
    assert.deepEqual(correct, probe.correct, `correct emulator: ${probe.scenario}`);
    const mutated = await withProbe(variant, probe.config, (p) => runProbe(p, probe));
    assert.deepEqual(mutated, probe.variant, `${variant.name}: ${probe.scenario}`);
    assert.notDeepEqual(mutated, correct);
  });
}
