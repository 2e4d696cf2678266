/**
 * Scenarios without a target: definitions checked field by field (and through the CLI: exit 2 naming
 * the field), the timeline second by second, the per-second plan (exact counts per command, fillers,
 * journeys one second apart on their own group), the journey consequence model, emulator arrival bins.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ErrorCodes } from '../../src/errors/index.ts';
import { Arrivals, arrivalsBetween } from '../../src/emulator/arrivals.ts';
import { JourneyLog } from '../../load/analyse/journeys.ts';
import { Analyser } from '../../load/analyse/analyse.ts';
import { LOAD_COMMANDS, LoadConfigError, type LoadCommand } from '../../load/plan/commands.ts';
import { RandomCodec } from '../../load/plan/random.ts';
import { Pool } from '../../load/plan/user-pool.ts';
import { scenarioFrom, pickScenario } from '../../load/plan/scenario/define.ts';
import { journeySlot } from '../../load/plan/scenario/journeys.ts';
import { isFillerUrl, ScenarioPlan } from '../../load/plan/scenario/plan.ts';
import { scenarioPoolCreateRate } from '../../load/plan/scenario/resolve.ts';
import { buildTimeline } from '../../load/plan/scenario/timeline.ts';
import { TargetWriter } from '../../load/generate/vegeta-targets.ts';
import { resultLine, SIGNED } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'tcim-scenario-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const CHECKOUT = {
  mix: { get: 40, search: 30, mark: 20, update: 10 },
  stages: [{ duration: '3s', rate: 20 }, { duration: '4s', from: 10, to: 40 }],
  journeys: [{ name: 'edit', steps: ['create', 'update', 'mark', 'get', 'del'], rate: 2 }],
};

const problems = (raw: unknown): string => {
  try {
    scenarioFrom('x', raw);
  } catch (e) {
    assert.ok(e instanceof LoadConfigError);
    return (e as Error).message;
  }
  return '';
};

test('bad definitions: every bad field named with its path', () => {
  assert.match(problems({ stages: [{ duration: '5s', rate: 10 }, { duration: '5s', rate: 7000 }] }), /load\.scenarios\.x\.stages\[1\]\.rate: must be a whole number 0–6000/);
  assert.match(problems({ stages: [{ duration: '1.5s', rate: 10 }] }), /stages\[0\]\.duration: must be whole seconds/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 10, from: 1, to: 2 }] }), /stages\[0\]: give either rate .* or from and to/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 10 }], mix: { get: 1, fetch: 2 } }), /mix\.fetch: unknown command/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 10 }], mix: { create: 1, del: 2 } }), /mix: create and del need the same weight/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 10 }], journeys: [{ name: 'j', steps: ['update', 'create', 'del'], rate: 1 }] }), /journeys\[0\]\.steps: step 0 \(update\) must come between create and del/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 10 }], journeys: [{ name: 'j', steps: ['create', 'get'], rate: 1 }] }), /journeys\[0\]\.steps: a journey that creates its group must del it/);
  assert.match(problems({ stages: [{ duration: '3s', rate: 10 }], journeys: [{ name: 'j', steps: ['create', 'update', 'mark', 'get', 'del'], rate: 1 }] }), /5 steps one second apart do not fit in the scenario's 3s/);
  assert.match(problems({ stages: [{ duration: '5s', rate: 0 }] }), /sends nothing/);
  assert.match(problems({ stages: [], colour: 1 }), /x\.colour: unknown field[\s\S]*stages: must be a list/);
  assert.throws(() => pickScenario({ a: CHECKOUT }, 'b'), /--scenario "b" is not defined: load\.scenarios of the config has a/);
  assert.equal(problems(CHECKOUT), '');
});

test('timeline: steady stage, ramp in one-second steps, journeys only while they can finish', () => {
  const sc = scenarioFrom('checkout', CHECKOUT);
  const tl = buildTimeline(sc);
  const mixTotal = tl.mix.map((m) => Object.values(m).reduce((n, x) => n + (x ?? 0), 0));
  assert.deepEqual(mixTotal, [20, 20, 20, 10, 20, 30, 40]);
  const creates = tl.perCommand.map((p) => p['recentcontact/create_contact_group'] ?? 0);
  const dels = tl.perCommand.map((p) => p['recentcontact/del_contact_group'] ?? 0);
  assert.deepEqual(creates, [2, 2, 2, 0, 0, 0, 0]); // journeys start in seconds 0..T−5
  assert.deepEqual(dels, [0, 0, 0, 0, 2, 2, 2]);
  assert.equal(tl.rate, Math.max(...tl.perCommand.map((p) => Object.values(p).reduce((n, x) => n + (x ?? 0), 0))));
});

test('plan: exact counts per command and second, fillers elsewhere, journey steps ≈ 1 s apart and in order', () => {
  const sc = scenarioFrom('checkout', CHECKOUT);
  const pool = new Pool({ runId: 't', segmentIndex: 0, segmentCount: 1, maxCreateRate: scenarioPoolCreateRate(sc) });
  pool.imGroupIds = ['@TGS#1AAAAAAAA', '@TGS#1BBBBBBBB'];
  const plan = new ScenarioPlan({ scenario: sc, pool, codec: new RandomCodec(0, 1, 7) });
  const R = plan.schedule.total;
  const steps = new Map<number, number[]>();
  const randoms = new Set<number>();
  for (let k = 0; k < plan.seconds; k++) {
    const got: Partial<Record<LoadCommand, number>> = {};
    for (let p = 0; p < R; p++) {
      const op = plan.operation(k * R + p);
      if (!op) continue;
      got[op.command] = (got[op.command] ?? 0) + 1;
      randoms.add(op.random);
      assert.equal(op.stage, k < 3 ? 0 : 1);
      if (op.journey) steps.set(op.journey.no, [...(steps.get(op.journey.no) ?? []), (k * R + p) / R]);
    }
    for (const c of LOAD_COMMANDS) assert.equal(got[c] ?? 0, plan.timeline.perCommand[k]?.[c] ?? 0, `second ${k} ${c}`);
  }
  assert.equal(randoms.size, [...Array(plan.count).keys()].filter((i) => plan.operation(i)).length, 'randoms unique');
  assert.equal(steps.size, 6); // 2 journeys/s started in seconds 0, 1, 2
  for (const [no, at] of steps) {
    assert.equal(at.length, 5);
    for (let i = 1; i < at.length; i++) {
      const gap = (at[i] as number) - (at[i - 1] as number);
      assert.ok(gap > 0.8 && gap < 1.2, `journey ${no}: step ${i} ${gap.toFixed(3)} s after the one before`);
    }
  }
  // every journey acts on its own group slot among those live at the same time
  const live = [...steps.keys()].map((no) => journeySlot(pool, no)).map((s) => `${s.user}/${s.name}`);
  assert.equal(new Set(live).size, live.length);
  // fillers go to the sink, never the target; real targets map back to their operation
  const w = new TargetWriter(plan, SIGNED, 'http://127.0.0.1:9');
  const filler = [...Array(plan.count).keys()].find((i) => !plan.operation(i)) as number;
  const line = JSON.parse(w.line(filler)) as { url: string };
  assert.ok(isFillerUrl(line.url) && line.url.startsWith('http://127.0.0.1:9/_filler?slot='));
  const real = JSON.parse(w.line(0)) as { url: string };
  assert.equal(plan.locate(real.url)?.index, 0);
});

test('analysis: fillers are no calls; a throttled journey create makes its update and del consequences', () => {
  const sc = scenarioFrom('j', { stages: [{ duration: '5s', rate: 0 }], journeys: [{ name: 'edit', steps: ['create', 'update', 'del'], rate: 1 }] });
  const pool = new Pool({ runId: 't', segmentIndex: 0, segmentCount: 1, maxCreateRate: scenarioPoolCreateRate(sc) });
  pool.imGroupIds = ['@TGS#1AAAAAAAA', '@TGS#1BBBBBBBB'];
  const plan = new ScenarioPlan({ scenario: sc, pool, codec: new RandomCodec(0, 1, 7) });
  const w = new TargetWriter(plan, SIGNED, 'http://127.0.0.1:9');
  const a = new Analyser({ plan, windowMs: 1000, lateLimitMs: 50, schemaEvery: 0, strictSchema: false });
  const t0 = 1_700_000_000_000;
  const ok = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
  for (let i = 0; i < plan.count; i++) {
    const url = (JSON.parse(w.line(i)) as { url: string }).url;
    const op = plan.operation(i);
    let body: unknown = ok;
    if (op?.journey?.no === 0) body = op.journey.step === 0 ? { ActionStatus: 'FAIL', ErrorCode: ErrorCodes.API_RATE_LIMITED, ErrorInfo: 'x' } : { ActionStatus: 'FAIL', ErrorCode: ErrorCodes.CONTACT_GROUP_NOT_FOUND, ErrorInfo: 'x' };
    a.line(resultLine({ seq: i, tsMs: t0 + (i * 1000) / plan.schedule.total, url, ...(op ? { body } : { code: 204 }) }));
  }
  const out = a.finish();
  assert.equal(out.fillers, plan.count - 9); // 3 journeys × 3 steps
  assert.equal(out.unmatched, 0);
  const upd = out.stats.get('recentcontact/update_contact_group');
  const del = out.stats.get('recentcontact/del_contact_group');
  assert.deepEqual(upd?.consequences, { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 1 });
  assert.deepEqual(del?.consequences, { [ErrorCodes.CONTACT_GROUP_NOT_FOUND]: 1 });
  assert.deepEqual(upd?.contractErrors, {});
  assert.equal(out.stages?.[0]?.get('recentcontact/create_contact_group')?.throttled, 1);
});

test('journey log: not-found without an earlier miss is a contract error', () => {
  const log = new JourneyLog();
  log.push(0, 'u/a', 'recentcontact/create_contact_group', 0, false);
  const i = log.push(1, 'u/a', 'recentcontact/update_contact_group', ErrorCodes.CONTACT_GROUP_NOT_FOUND, false);
  assert.equal(log.judge().get(i), 'contract');
});

test('emulator arrivals: 10 ms bins, a window cut by time', () => {
  const a = new Arrivals();
  const t = 1_700_000_000_000;
  for (let k = 0; k < 100; k++) a.record('recentcontact/get_contact_group', t + k * 10 + 5);
  const w = a.window(t, t + 1000, t + 2000);
  assert.equal(w.commands['recentcontact/get_contact_group']?.reduce((n, x) => n + x, 0), 100);
  assert.equal(arrivalsBetween(w, t + 500, t + 1000)['recentcontact/get_contact_group'], 50);
});

test('CLI: a bad scenario in the config file exits 2 naming the field', async () => {
  const cases: [unknown, RegExp][] = [
    [{ stages: [{ duration: '5s', rate: 10 }, { duration: '5s', rate: 10, journeys: 1 }] }, /load\.scenarios\.checkout\.stages\[1\]\.journeys: unknown field/],
    [{ stages: [{ duration: '5s', rate: 10 }], journeys: [{ name: 'j', steps: ['update', 'create', 'del'], rate: 1 }] }, /load\.scenarios\.checkout\.journeys\[0\]\.steps: step 0 \(update\) must come between create and del/],
  ];
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCIM_')));
  for (const [k, [checkout, message]] of cases.entries()) {
    const file = join(tmp, `tcim.config.${k}.json`);
    writeFileSync(file, JSON.stringify({ load: { scenarios: { checkout } } }));
    const res = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/tcim-harness.js'), 'load', '--config', file, '--scenario', 'checkout'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stderr, message);
  }
});
