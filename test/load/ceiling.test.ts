import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CeilingSearch, DEFAULT_CEILING_PARAMS, MAX_CEILING_STEPS, type StepObservation } from '../../load/analyse/ceiling.ts';
import { LOAD_COMMANDS, type LoadCommand } from '../../load/plan/commands.ts';
import type { Rates } from '../../load/plan/schedule.ts';

/** n throttle answers over the last windows of a step of T seconds, as a burst limiter gives them (after its burst is spent). */
const spread = (n: number, T: number): number[] => {
  const perSecond = Math.ceil(n / Math.max(1, Math.min(T, Math.ceil(n / 10))));
  return Array.from({ length: T }, (_, i) => Math.max(0, Math.min(perSecond, n - perSecond * (T - 1 - i))));
};

/** A token-bucket target: limit C/s, burst B; a step of T seconds at rate r. */
function simulate(rates: Rates, T: number, limit: (c: LoadCommand) => number, B = 20): Map<LoadCommand, StepObservation> {
  const out = new Map<LoadCommand, StepObservation>();
  for (const [c, r] of Object.entries(rates) as [LoadCommand, number][]) {
    const C = limit(c);
    const calls = r * T;
    const throttled = Math.max(0, Math.round((r - C) * T - B));
    out.set(c, { calls, throttled, acceptedPerSecond: Array.from({ length: T - 2 }, (_, i) => (i === 0 ? Math.min(r, C + B) : Math.min(r, C))), callsPerSecond: Array.from({ length: T - 2 }, () => r), throttledPerWindow: spread(throttled, T) });
  }
  return out;
}

function search(limit: (c: LoadCommand) => number, params = DEFAULT_CEILING_PARAMS, T = 5): { s: CeilingSearch; steps: Rates[] } {
  const s = new CeilingSearch([...LOAD_COMMANDS], params, T);
  const steps: Rates[] = [];
  for (let rates = s.next(); rates; rates = s.next()) {
    steps.push(rates);
    s.record(rates, simulate(rates, T, limit));
  }
  return { s, steps };
}

test('ceiling: brackets the onset C + B/T to the resolution, then the probe measures C and B', () => {
  const { s, steps } = search(() => 200);
  assert.ok(steps.length <= 15, `${steps.length} steps`);
  for (const [c, f] of s.findings) {
    assert.ok(f.low !== undefined && f.high !== undefined, c);
    assert.ok(f.high - f.low <= DEFAULT_CEILING_PARAMS.resolution, `${c}: ${f.low}..${f.high}`);
    // C + B/T = 204 hides the overload; refusals must span two windows, so the onset sits at most near C + B/(T − 2) ≈ 207
    assert.ok(f.low >= 203 && f.high <= 209, `${c}: onset of a 200/s limiter with burst 20 over 5 s is 204…207, got ${f.low}..${f.high}`);
    assert.equal(f.sustained, 200);
    assert.equal(f.burstEstimate, 20);
    assert.match(f.text, /between \d+ and \d+\/s/);
  }
});

test('ceiling: commands with different limits get their own brackets; create and del always share a rate', () => {
  const limits: Partial<Record<LoadCommand, number>> = { 'recentcontact/get_contact_group': 180, 'recentcontact/search_contact_group': 230 };
  const { s, steps } = search((c) => limits[c] ?? 200);
  for (const r of steps) assert.equal(r['recentcontact/create_contact_group'], r['recentcontact/del_contact_group']);
  const get = s.findings.get('recentcontact/get_contact_group');
  const search_ = s.findings.get('recentcontact/search_contact_group');
  assert.ok(get?.high !== undefined && get.high > 180 && get.high <= 190, JSON.stringify(get));
  assert.ok(search_?.high !== undefined && search_.high > 230 && search_.high <= 240, JSON.stringify(search_));
});

test('ceiling: no throttling in range, throttled already at the start, bounded steps', () => {
  const none = search(() => 1000);
  for (const f of none.s.findings.values()) {
    assert.equal(f.high, undefined);
    assert.match(f.text, /no step over the ceiling up to 250/);
  }
  const low = search(() => 50);
  for (const f of low.s.findings.values()) {
    assert.equal(f.low, undefined);
    assert.equal(f.high, 150);
  }
  assert.ok(none.steps.length <= MAX_CEILING_STEPS && low.steps.length <= MAX_CEILING_STEPS);
});
