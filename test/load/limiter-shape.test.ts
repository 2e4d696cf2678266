/**
 * The ceiling search, the `over` band and the shape detection against both limiter shapes, fed by the
 * emulator's own RateLimiter on synthetic timestamps (no network, no timing): every step at any phase of
 * the window against the step, with arrival jitter, goes through the real CommandStats and observe().
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from '../../src/emulator/pipeline/throttle.ts';
import { stepOver } from '../../load/analyse/ceiling.ts';
import { detectShape, PhaseBins, PHASE_BINS, SHAPE_MIN_EVIDENCE } from '../../load/analyse/shape.ts';
import { observe } from '../../load/ceiling-run.ts';
import { BURST, C, GET, rng, search, step, T0 } from './limiter-sim.ts';
import { throttleShareBand } from '../../load/plan/tolerances.ts';
import { ceilingChecks } from '../../load/run-checks.ts';

for (const shape of ['gcra', 'fixed-window'] as const) {
  test(`ceiling search against a ${shape} limiter: the ceiling found is within 1 % of ${C}/s at any window phase, the shape is named, the checks pass`, () => {
    for (let seed = 1; seed <= 12; seed++) {
      const f = search(shape, seed).findings.get(GET);
      assert.ok(f?.ceiling !== undefined, `seed ${seed}: a ceiling`);
      assert.ok(Math.abs(f.ceiling - C) / C <= 0.01, `seed ${seed}: ceiling ${f.ceiling}`);
      assert.equal(f.shape?.shape, shape, `seed ${seed}: ${f.shape?.text}`);
      assert.ok(f.high !== undefined && f.low !== undefined, `seed ${seed}: a bracket`);
      // the onset depends on the shape: C + B/T … C + B/(T − 2) for the smooth limiter, C + 2 for a fixed window
      if (shape === 'gcra') assert.ok(f.high >= C + BURST / 5 && f.high <= C + BURST / 3 + 2, `seed ${seed}: onset ${f.low}..${f.high}`);
      else assert.ok(f.low >= C && f.high <= C + 3, `seed ${seed}: onset ${f.low}..${f.high}`);
      const checks = ceilingChecks(new Map([[GET, f]]), C);
      assert.ok(checks.every((c) => c.passed), JSON.stringify(checks));
      assert.match(f.text, shape === 'gcra' ? /smooth limiter/ : /fixed one-second window/);
    }
  });
}

test('a fixed window aligned to another clock (server 370 ms ahead): still found and named, the refusals fall in a moved arc', () => {
  const f = search('fixed-window', 3, 5, 370).findings.get(GET);
  assert.ok(f?.ceiling !== undefined && Math.abs(f.ceiling - C) <= 2, String(f?.ceiling));
  assert.equal(f.shape?.shape, 'fixed-window');
  const arc = f.shape?.arc as [number, number];
  // server windows start at client phase 0.63; at 300/s their last third is refused: client phase 0.297 … 0.63 s
  assert.ok(Math.abs(arc[0] - 0.297) <= 0.05 && Math.abs(arc[1] - 0.63) <= 0.05, JSON.stringify(arc));
});

test('whole-window judgement: at exactly C a fixed window refuses a jittered call per edge at most — held; at C + 2 it is over', () => {
  let strays = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const random = rng(seed);
    const start = T0 + 999 + random() * 0.9; // the step's calls sit just before each window edge
    const at = step(new RateLimiter(), 'fixed-window', C, 5, start, { jitterMs: 2, random });
    const o = observe({ stats: new Map([[GET, at]]), unmatched: 0, results: 0, baselineMs: 0 }).get(GET);
    assert.ok(o);
    strays += o.throttled;
    assert.equal(stepOver(o), false, `seed ${seed}: ${o.throttled} strays, ${JSON.stringify(o.callsPerSecond)} / ${JSON.stringify(o.acceptedPerSecond)}`);
    const over = observe({ stats: new Map([[GET, step(new RateLimiter(), 'fixed-window', C + 2, 5, start, { jitterMs: 2, random })]]), unmatched: 0, results: 0, baselineMs: 0 }).get(GET);
    assert.equal(over && stepOver(over), true);
  }
  assert.ok(strays > 0, 'the simulation did produce stray throttles at exactly C (else this test proves nothing)');
});

test('`over` band: the throttled share at 300/s lies in the band of its shape and of "unknown" at every phase; the smooth band would fail a badly aligned fixed window', () => {
  let outsideGcraBand = 0;
  for (const T of [5, 10, 30]) {
    for (let i = 0; i < 10; i++) {
      for (const shape of ['gcra', 'fixed-window'] as const) {
        const s = step(new RateLimiter(), shape, 300, T, T0 + i * 97.3, { jitterMs: 1 });
        const share = s.throttled / s.calls;
        for (const expect of [shape, 'unknown'] as const) {
          const b = throttleShareBand(300, C, BURST, T, expect);
          assert.ok(b.low <= share && share <= b.high, `${shape} T=${T} phase ${i}: ${share} in [${b.low}, ${b.high}] (${expect})`);
        }
        const g = throttleShareBand(300, C, BURST, T, 'gcra');
        if (shape === 'fixed-window' && share < g.low) outsideGcraBand++;
      }
    }
  }
  assert.ok(outsideGcraBand > 0, 'a fixed window admits a whole extra window on a short run: the shape matters');
});

test('shape detection: bunched → fixed window, spread → smooth, too little evidence → undetermined', () => {
  const fixed = detectShape(step(new RateLimiter(), 'fixed-window', 300, 10, T0 + 123).phase.toJSON());
  assert.equal(fixed.shape, 'fixed-window');
  assert.ok((fixed.eta2 as number) > 0.8, String(fixed.eta2));
  assert.ok(fixed.arc && Math.abs(fixed.arc[0] - 2 / 3) <= 0.05 && fixed.arc[1] === 1, `refusals in the last third of each wall-clock second: ${JSON.stringify(fixed.arc)}`);
  const smooth = detectShape(step(new RateLimiter(), 'gcra', 300, 10, T0 + 123).phase.toJSON());
  assert.equal(smooth.shape, 'gcra');
  assert.ok((smooth.eta2 as number) < 0.05, String(smooth.eta2));
  const few = detectShape(step(new RateLimiter(), 'fixed-window', C + 1, 5, T0).phase.toJSON());
  assert.equal(few.shape, 'undetermined');
  assert.match(few.text, new RegExp(`at least ${SHAPE_MIN_EVIDENCE}`));
  // a hand-made half-and-half: every bin the same share → smooth; shares 0 or 1 → fixed
  const even = { calls: new Array(PHASE_BINS).fill(10), throttled: new Array(PHASE_BINS).fill(5) };
  assert.equal(detectShape(even).shape, 'gcra');
  const split = { calls: new Array(PHASE_BINS).fill(10), throttled: Array.from({ length: PHASE_BINS }, (_, i) => (i >= 15 || i < 2 ? 10 : 0)) };
  const s = detectShape(split);
  assert.equal(s.shape, 'fixed-window');
  assert.deepEqual(s.arc, [0.75, 0.1], 'an arc across the second boundary');
  assert.equal(PhaseBins.bin(T0 + 999.9), PHASE_BINS - 1);
});
